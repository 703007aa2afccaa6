namespace StudyPortal.Data.Search;

/// <summary>
/// The library's full-text index, kept in step with the data in the same transaction. One implementation per
/// database provider: SQLite's FTS5 now; PostgreSQL brings its own.
/// </summary>
public interface ISearchIndex
{
    /// <summary>Indexes one stored document; call inside the transaction that stored it.</summary>
    Task IndexDocumentAsync(int documentId, CancellationToken cancellationToken);

    /// <summary>Removes one document from the index; call inside the transaction that deletes or replaces it.</summary>
    Task RemoveDocumentAsync(int documentId, CancellationToken cancellationToken);

    /// <summary>Throws the index away and builds it again from the data.</summary>
    Task<int> RebuildAsync(CancellationToken cancellationToken);

    Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken);
}

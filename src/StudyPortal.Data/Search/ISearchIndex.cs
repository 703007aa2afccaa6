namespace StudyPortal.Data.Search;

/// <summary>
/// The library's search. One implementation per database provider (<see cref="SqliteSearchIndex"/>,
/// <see cref="PostgresSearchIndex"/>). A stored document's search entries are written in the transaction that
/// stores it, so it is found by search from the moment it is committed; on SQLite its full-text tokens are written
/// just after, by <see cref="CatchUpAsync"/>, and until then its entries are searched by scanning them.
/// </summary>
public interface ISearchIndex
{
    /// <summary>Writes one stored document's search entries; call inside the transaction that stored it.</summary>
    Task IndexDocumentAsync(int documentId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the full-text tokens of every document stored since the last catch-up, one short transaction per
    /// document; returns how many documents it indexed. Safe to run from several processes at once.
    /// </summary>
    Task<int> CatchUpAsync(CancellationToken cancellationToken);

    /// <summary>Removes one document from the index; call inside the transaction that deletes or replaces it.</summary>
    Task RemoveDocumentAsync(int documentId, CancellationToken cancellationToken);

    /// <summary>Throws the index away and builds it again from the data, tokens included.</summary>
    Task<int> RebuildAsync(CancellationToken cancellationToken);

    Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken);
}

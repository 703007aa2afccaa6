using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using StudyPortal.Data.Library;

namespace StudyPortal.Data.Search;

/// <summary>
/// What search does the same on every database: the entries it indexes and their ids in ranking order, filters,
/// facets, grouping by section, ranking and snippets. A provider supplies how the candidate entries of a query are
/// found (<see cref="MatchAsync"/>) and how an entry's tokens are stored. Terms reach SQL only as parameters.
/// </summary>
public abstract class SearchIndex(PortalDbContext db, LibraryVersion? version) : ISearchIndex
{
    /// <summary>Document titles and series per library version: read once, not on every search.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<LibraryVersion, DocumentDirectory> Directories = [];

    private sealed record DocumentInfo(int Id, string Title, string? Series);

    private sealed record DocumentDirectory(long Version, Dictionary<int, DocumentInfo> Documents);
    private const int SnippetsPerSection = 3;

    /// <summary>
    /// At most this many hits are read per search. A term that occurs more often (a common single character) is
    /// reported as "more than" this many, with counts over these first, best-ranked hits.
    /// </summary>
    public const int HitCap = 500;

    /// <summary>First id of each ranking band: titles and headings, then quotations, then body text.</summary>
    private const long QuotationBase = 1L << 40;
    private const long BodyBase = 2L << 40;

    /// <summary>One row to index; each provider makes its tokens its own way (with the row, or later in <see cref="CatchUpAsync"/>).</summary>
    protected sealed record Entry(long Id, int DocumentId, int SectionId, int? ParagraphPosition, SearchKind Kind, int? Year, string Text);

    /// <inheritdoc />
    public abstract Task<int> CatchUpAsync(CancellationToken cancellationToken);

    /// <summary>Stores the entries and their tokens inside the caller's transaction.</summary>
    protected abstract Task WriteEntriesAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<Entry> entries, CancellationToken cancellationToken);

    /// <summary>Deletes the tokens and entries of one document (@d), or of all when @d is null.</summary>
    protected abstract string DeleteEntriesSql { get; }

    /// <summary>
    /// The hits of a query in id (ranking) order, at most <see cref="HitCap"/>: entries containing every required
    /// term and none of the excluded ones.
    /// </summary>
    protected abstract Task<List<Hit>> MatchAsync(SearchQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Entry ids are each band's maximum plus one: the caller holds the library's write lock
    /// (<see cref="PortalDbContext.LockLibraryAsync"/>), as every import, deletion and rebuild does.
    /// </summary>
    public async Task IndexDocumentAsync(int documentId, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var rows = new List<(int SectionId, int? Paragraph, SearchKind Kind, int? Year, string Text)>();
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = """
                SELECT (SELECT s."Id" FROM "Sections" s WHERE s."DocumentId" = d."Id" ORDER BY s."Position" LIMIT 1), CAST(NULL AS integer), 0, d."Year", d."Title"
                  FROM "Documents" d WHERE d."Id" = @d AND EXISTS (SELECT 1 FROM "Sections" s WHERE s."DocumentId" = d."Id")
                UNION ALL
                SELECT (SELECT s."Id" FROM "Sections" s WHERE s."ArticleId" = a."Id" ORDER BY s."Position" LIMIT 1), CAST(NULL AS integer), 0, d."Year", a."Title"
                  FROM "Articles" a JOIN "Documents" d ON d."Id" = a."DocumentId"
                 WHERE a."DocumentId" = @d AND a."Title" <> d."Title" AND EXISTS (SELECT 1 FROM "Sections" s WHERE s."ArticleId" = a."Id")
                UNION ALL
                SELECT s."Id", CAST(NULL AS integer), 1, d."Year", s."Heading"
                  FROM "Sections" s JOIN "Documents" d ON d."Id" = s."DocumentId" WHERE s."DocumentId" = @d AND s."Heading" <> ''
                UNION ALL
                SELECT q."SectionId", p."Position", 2, q."Year", q."Text" || ' ' || coalesce(q."Occasion", '')
                  FROM "Quotations" q JOIN "Paragraphs" p ON p."Id" = q."ParagraphId" WHERE q."DocumentId" = @d
                UNION ALL
                SELECT p."SectionId", p."Position", 3, d."Year", p."Text"
                  FROM "Paragraphs" p JOIN "Sections" s ON s."Id" = p."SectionId" JOIN "Documents" d ON d."Id" = s."DocumentId" WHERE s."DocumentId" = @d
                """;
            Add(read, "@d", documentId);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                rows.Add((reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetInt32(1), (SearchKind)reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetInt32(3), reader.GetString(4)));
        }

        var next = new Dictionary<long, long>();
        foreach (var band in new[] { 0L, QuotationBase, BodyBase })
        {
            await using var max = connection.CreateCommand();
            max.Transaction = transaction;
            max.CommandText = """SELECT coalesce(max("Id"), @low) FROM "SearchEntries" WHERE "Id" >= @low AND "Id" < @high""";
            Add(max, "@low", band);
            Add(max, "@high", band == BodyBase ? long.MaxValue : band + QuotationBase);
            next[band] = Convert.ToInt64(await max.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) + 1;
        }

        var entries = new Entry[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var band = row.Kind switch { SearchKind.Body => BodyBase, SearchKind.Quotation => QuotationBase, _ => 0L };
            entries[i] = new Entry(next[band]++, documentId, row.SectionId, row.Paragraph, row.Kind, row.Year, row.Text);
        }
        await WriteEntriesAsync(connection, transaction, entries, cancellationToken);
    }

    public Task RemoveDocumentAsync(int documentId, CancellationToken cancellationToken) => DeleteEntriesAsync(documentId, cancellationToken);

    private async Task DeleteEntriesAsync(int? documentId, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = DeleteEntriesSql;
        Add(command, "@d", documentId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> RebuildAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockLibraryAsync(cancellationToken);
        await DeleteEntriesAsync(null, cancellationToken);
        var documents = await db.Documents.Select(d => d.Id).ToListAsync(cancellationToken);
        foreach (var id in documents) await IndexDocumentAsync(id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await CatchUpAsync(cancellationToken);
        return await db.SearchEntries.CountAsync(cancellationToken);
    }

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var query = SearchQuery.Parse(request.Query);
        var page = Math.Max(1, request.Page);
        var pageSize = Math.Clamp(request.PageSize, 1, 100);
        if (query.IsEmpty) return SearchResults.Empty(query, page, pageSize);

        var hits = await MatchAsync(query, cancellationToken);
        var documents = await DocumentsAsync(cancellationToken);

        var facetDocuments = hits.CountBy(h => h.DocumentId).Where(c => documents.ContainsKey(c.Key))
            .Select(c => new FacetCount(c.Key.ToString(CultureInfo.InvariantCulture), documents[c.Key].Title, c.Value)).OrderByDescending(f => f.Count).ToList();
        var facetSeries = hits.Where(h => documents.TryGetValue(h.DocumentId, out var d) && d.Series is not null).CountBy(h => documents[h.DocumentId].Series!)
            .Select(c => new FacetCount(c.Key, c.Key, c.Value)).OrderByDescending(f => f.Count).ToList();
        var facetKinds = hits.CountBy(h => KindName(h.Kind)).Select(c => new FacetCount(c.Key, c.Key, c.Value)).OrderBy(f => f.Value, StringComparer.Ordinal).ToList();
        var facetYears = hits.Where(h => h.Kind == SearchKind.Quotation && h.Year is not null).CountBy(h => h.Year!.Value)
            .OrderByDescending(c => c.Key).Select(c => new FacetCount(c.Key.ToString(CultureInfo.InvariantCulture), c.Key.ToString(CultureInfo.InvariantCulture), c.Value)).ToList();

        IEnumerable<Hit> filtered = hits;
        if (request.DocumentId is int documentId) filtered = filtered.Where(h => h.DocumentId == documentId);
        if (!string.IsNullOrEmpty(request.Series)) filtered = filtered.Where(h => documents.TryGetValue(h.DocumentId, out var d) && d.Series == request.Series);
        if (!string.IsNullOrEmpty(request.Kind)) filtered = filtered.Where(h => KindName(h.Kind) == request.Kind);
        if (request.YearFrom is not null || request.YearTo is not null)
            filtered = filtered.Where(h => h.Kind == SearchKind.Quotation && h.Year >= (request.YearFrom ?? int.MinValue) && h.Year <= (request.YearTo ?? int.MaxValue));
        var list = filtered.ToList();

        // Sections with a title or heading hit first, then more hits, then document order.
        var groups = list.GroupBy(h => h.SectionId)
            .Select(g => (SectionId: g.Key, Best: g.Min(h => h.Kind), Count: g.Count(), First: g.Min(h => h.Id), Hits: g))
            .OrderBy(g => g.Best).ThenByDescending(g => g.Count).ThenBy(g => g.First).ToList();
        var pageGroups = groups.Skip((page - 1) * pageSize).Take(pageSize).ToList();

        var sectionIds = pageGroups.Select(g => g.SectionId).ToList();
        var sections = await SectionsAsync(sectionIds, cancellationToken);
        var snippetIds = pageGroups.SelectMany(g => g.Hits.OrderBy(h => h.Kind).ThenBy(h => h.Id).Take(SnippetsPerSection).Select(h => h.Id)).ToList();
        var texts = await SnippetTextsAsync(snippetIds, cancellationToken);

        var results = pageGroups.Where(g => sections.ContainsKey(g.SectionId)).Select(g =>
        {
            var s = sections[g.SectionId];
            var snippets = g.Hits.OrderBy(h => h.Kind).ThenBy(h => h.Id).Take(SnippetsPerSection).Where(h => texts.ContainsKey(h.Id))
                .Select(h => Matches.Snippet(KindName(texts[h.Id].Kind), texts[h.Id].ParagraphPosition, texts[h.Id].Text, query.Highlights)).ToList();
            return new SectionHit(s.Key, s.Heading, s.ArticleTitle, s.DocumentTitle, s.DocumentId, g.Count, snippets);
        }).ToList();

        return new SearchResults(query, groups.Count, list.Count, page, pageSize, results, facetDocuments, facetSeries, facetKinds, facetYears)
        {
            IsComplete = hits.Count < HitCap,
        };
    }

    private async Task<Dictionary<int, DocumentInfo>> DocumentsAsync(CancellationToken cancellationToken)
    {
        if (version is not null && Directories.TryGetValue(version, out var cached) && cached.Version == version.Current) return cached.Documents;
        var current = version?.Current ?? 0;
        var documents = await db.Documents.AsNoTracking().Select(d => new DocumentInfo(d.Id, d.Title, d.Series)).ToDictionaryAsync(d => d.Id, cancellationToken);
        if (version is not null) Directories.AddOrUpdate(version, new DocumentDirectory(current, documents));
        return documents;
    }

    private sealed record SectionInfo(int Id, string Key, string Heading, string ArticleTitle, string DocumentTitle, int DocumentId);

    /// <summary>The page's sections by primary key (an explicit IN list, so SQLite probes the key).</summary>
    private async Task<Dictionary<int, SectionInfo>> SectionsAsync(List<int> ids, CancellationToken cancellationToken)
    {
        var result = new Dictionary<int, SectionInfo>();
        if (ids.Count == 0) return result;
        var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var names = AddList(command, "@s", ids);
        command.CommandText = $"""
            SELECT s."Id", s."Key", s."Heading", a."Title", d."Title", s."DocumentId"
              FROM "Sections" s JOIN "Articles" a ON a."Id" = s."ArticleId" JOIN "Documents" d ON d."Id" = s."DocumentId"
             WHERE s."Id" IN ({string.Join(", ", names)})
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            result[reader.GetInt32(0)] = new SectionInfo(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5));
        return result;
    }

    private sealed record EntryText(long Id, string Text, SearchKind Kind, int? ParagraphPosition);

    /// <summary>The texts of the entries to quote, by primary key (an explicit IN list, so SQLite probes the key).</summary>
    private async Task<Dictionary<long, EntryText>> SnippetTextsAsync(List<long> ids, CancellationToken cancellationToken)
    {
        var result = new Dictionary<long, EntryText>();
        if (ids.Count == 0) return result;
        var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var names = AddList(command, "@i", ids);
        command.CommandText = $"""SELECT "Id", "Text", "Kind", "ParagraphPosition" FROM "SearchEntries" WHERE "Id" IN ({string.Join(", ", names)})""";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            result[reader.GetInt64(0)] = new EntryText(reader.GetInt64(0), reader.GetString(1), (SearchKind)reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetInt32(3));
        return result;
    }

    public static string KindName(SearchKind kind) => kind switch
    {
        SearchKind.Body => "body",
        SearchKind.Quotation => "quotation",
        _ => "title",
    };

    protected readonly record struct Hit(long Id, SearchKind Kind, int SectionId, int DocumentId, int? Year);

    /// <summary>A LIKE pattern that finds the term as written anywhere in the text: %, _ and \ are escaped.</summary>
    protected static string LikePattern(string term) =>
        "%" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    protected static async Task<List<Hit>> ReadHitsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var hits = new List<Hit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            hits.Add(new Hit(reader.GetInt64(0), (SearchKind)reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetInt32(4)));
        return hits;
    }

    protected async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open) await db.Database.OpenConnectionAsync(cancellationToken);
        return connection;
    }

    /// <summary>Adds a value as the command's next positional parameter and returns its name for the SQL text.</summary>
    protected static string Parameter(DbCommand command, object value)
    {
        var name = "@p" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture);
        Add(command, name, value);
        return name;
    }

    /// <summary>One parameter per value (named prefix0, prefix1, …), added once; returns their names for an IN list.</summary>
    protected static List<string> AddList<T>(DbCommand command, string prefix, IReadOnlyList<T> values)
    {
        var names = new List<string>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            var name = prefix + i.ToString(CultureInfo.InvariantCulture);
            Add(command, name, values[i]);
            names.Add(name);
        }
        return names;
    }

    protected static DbParameter Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}

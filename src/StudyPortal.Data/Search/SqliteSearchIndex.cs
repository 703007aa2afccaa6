using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace StudyPortal.Data.Search;

/// <summary>
/// Search on SQLite: one FTS5 table of single characters and character pairs (<see cref="SearchGrams"/>, no
/// positions, created by the migrations) finds the candidate entries of every term; terms longer than one token are
/// confirmed against the text in the same statement. Terms reach FTS5 only as quoted string literals.
/// <para>
/// Writing the FTS5 tokens is more than half of what storing a document costs, so it is not done in the storing
/// transaction: that transaction writes the search entries and puts the document in <c>SearchBacklog</c>, and
/// <see cref="CatchUpAsync"/> writes the tokens just after (the web app runs it in the background after every
/// import, the CLI before it exits, start-up for anything left over). A backlog document is searched by scanning its
/// entries, so search results are the same before and after; only their speed differs, for a few seconds.
/// </para>
/// </summary>
public sealed class SqliteSearchIndex(PortalDbContext db, LibraryVersion? version = null) : SearchIndex(db, version)
{
    private readonly PortalDbContext _db = db;

    /// <summary>The tokens are made by <see cref="CatchUpAsync"/>, not in the storing transaction.</summary>
    protected override async Task WriteEntriesAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<Entry> entries, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO "SearchEntries" ("Id", "DocumentId", "SectionId", "ParagraphPosition", "Kind", "Year", "Text") VALUES (@id, @d, @s, @p, @k, @y, @t)
            """;
        var parameters = new[] { "@id", "@d", "@s", "@p", "@k", "@y", "@t" }.Select(name => Add(insert, name, null)).ToArray();
        foreach (var e in entries)
        {
            object?[] values = [e.Id, e.DocumentId, e.SectionId, e.ParagraphPosition, (int)e.Kind, e.Year, e.Text];
            for (var i = 0; i < values.Length; i++) parameters[i].Value = values[i] ?? DBNull.Value;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        if (entries.Count == 0) return;
        await using var backlog = connection.CreateCommand();
        backlog.Transaction = transaction;
        backlog.CommandText = """INSERT OR IGNORE INTO "SearchBacklog" ("DocumentId") VALUES (@d)""";
        Add(backlog, "@d", entries[0].DocumentId);
        await backlog.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A backlog document's entries have no tokens yet: FTS5 is asked to delete only the tokens that exist.</summary>
    protected override string DeleteEntriesSql => """
        DELETE FROM "SearchGrams" WHERE @d IS NULL
           OR rowid IN (SELECT "Id" FROM "SearchEntries" WHERE "DocumentId" = @d AND "DocumentId" NOT IN (SELECT "DocumentId" FROM "SearchBacklog"));
        DELETE FROM "SearchBacklog" WHERE @d IS NULL OR "DocumentId" = @d;
        DELETE FROM "SearchEntries" WHERE @d IS NULL OR "DocumentId" = @d;
        """;

    /// <summary>
    /// Characters of text whose tokens one catch-up transaction writes, about a second and a half of SQLite's time
    /// here: a bulk import's backlog becomes a few large FTS5 segments rather than one per document (fewer segments,
    /// faster queries), while an upload waiting for the write lock never waits long.
    /// </summary>
    public const int CatchUpBatchCharacters = 4_000_000;

    public override async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        // Usually there is nothing to do: a read says so without taking SQLite's write lock (the web app asks every
        // few seconds, and a database opened read-only must not fail here).
        var idle = await OpenAsync(cancellationToken);
        await using (var any = idle.CreateCommand())
        {
            any.CommandText = """SELECT EXISTS (SELECT 1 FROM "SearchBacklog")""";
            if (Convert.ToInt64(await any.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0) return 0;
        }
        var indexed = 0;
        var more = true;
        while (more && !cancellationToken.IsCancellationRequested)
        {
            await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
            var connection = _db.Database.GetDbConnection();
            var dbTransaction = transaction.GetDbTransaction();
            var characters = 0L;
            var inBatch = 0;
            while (characters < CatchUpBatchCharacters)
            {
                // Taking a document out of the backlog is a write, and the transaction's first statement is one: it
                // waits for SQLite's write lock before reading anything, so two catch-ups never index the same document.
                int? documentId;
                await using (var take = connection.CreateCommand())
                {
                    take.Transaction = dbTransaction;
                    take.CommandText = """DELETE FROM "SearchBacklog" WHERE "DocumentId" = (SELECT min("DocumentId") FROM "SearchBacklog") RETURNING "DocumentId" """;
                    var value = await take.ExecuteScalarAsync(cancellationToken);
                    documentId = value is null or DBNull ? null : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
                }
                if (documentId is null)
                {
                    more = false;
                    break;
                }
                characters += await WriteTokensAsync(connection, dbTransaction, documentId.Value, cancellationToken);
                inBatch++;
            }
            await transaction.CommitAsync(cancellationToken);
            indexed += inBatch;
        }
        return indexed;
    }

    /// <summary>Writes one document's FTS5 rows; returns the characters of text it tokenized.</summary>
    private static async Task<long> WriteTokensAsync(DbConnection connection, DbTransaction transaction, int documentId, CancellationToken cancellationToken)
    {
        var entries = new List<(long Id, string Text)>();
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = """SELECT "Id", "Text" FROM "SearchEntries" WHERE "DocumentId" = @d""";
            Add(read, "@d", documentId);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) entries.Add((reader.GetInt64(0), reader.GetString(1)));
        }
        // Making the tokens is independent per entry: it runs on every core, SQLite's own work on one.
        var tokens = new string[entries.Count];
        Parallel.For(0, entries.Count, i => tokens[i] = SearchGrams.For(entries[i].Text));
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """INSERT INTO "SearchGrams" (rowid, grams) VALUES (@id, @g)""";
        var id = Add(insert, "@id", 0L);
        var grams = Add(insert, "@g", "");
        for (var i = 0; i < entries.Count; i++)
        {
            id.Value = entries[i].Id;
            grams.Value = tokens[i];
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        return entries.Sum(e => (long)e.Text.Length);
    }

    protected override async Task<List<Hit>> MatchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();

        // Every required term's tokens must be in the entry; a term that is not a single token is then confirmed in
        // the text (LIKE ignores the case of ASCII letters only, as the query does), and an excluded term must not occur.
        var tokens = query.Required.SelectMany(SearchGrams.ForTerm).Distinct(StringComparer.Ordinal).ToList();
        var match = tokens.Count > 0 ? Parameter(command, string.Join(" AND ", tokens.Select(SearchQuery.Quote))) : null;
        var confirm = query.Required.Where(t => !SearchGrams.IsGram(t)).Select(t => $"""e."Text" LIKE {Parameter(command, LikePattern(t))} ESCAPE '\'""")
            .Concat(query.Excluded.Select(t => $"""e."Text" NOT LIKE {Parameter(command, LikePattern(t))} ESCAPE '\'""")).ToList();
        var filter = confirm.Count == 0 ? "" : " AND " + string.Join(" AND ", confirm);
        // Ids are in ranking order and FTS5 returns rowids in order, so SQLite reads candidates best first and stops at
        // HitCap confirmed hits. CROSS JOIN keeps the full-text match as the outer loop. A query without any letter or
        // digit (“——”) has no tokens: a scan in id order, stopped the same way, which covers backlog entries too.
        if (match is null)
        {
            command.CommandText = $"""
                SELECT e."Id", e."Kind", e."SectionId", e."DocumentId", e."Year"
                  FROM "SearchEntries" e WHERE 1 = 1{filter} ORDER BY e."Id" LIMIT {HitCap}
                """;
            return await ReadHitsAsync(command, cancellationToken);
        }
        command.CommandText = $"""
            SELECT e."Id", e."Kind", e."SectionId", e."DocumentId", e."Year"
              FROM "SearchGrams" g CROSS JOIN "SearchEntries" e ON e."Id" = g.rowid
             WHERE g."SearchGrams" MATCH {match}{filter}
             ORDER BY g.rowid LIMIT {HitCap}
            """;
        var hits = await ReadHitsAsync(command, cancellationToken);
        return MergeInIdOrder(hits, await MatchBacklogAsync(connection, query, cancellationToken));
    }

    /// <summary>
    /// The hits among documents whose tokens are not written yet: every term confirmed in the text. CROSS JOIN keeps the
    /// backlog (usually empty) as the outer loop; otherwise SQLite walks all entries in id order for the LIMIT.
    /// </summary>
    private static async Task<List<Hit>> MatchBacklogAsync(DbConnection connection, SearchQuery query, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var conditions = query.Required.Select(t => $"""e."Text" LIKE {Parameter(command, LikePattern(t))} ESCAPE '\'""")
            .Concat(query.Excluded.Select(t => $"""e."Text" NOT LIKE {Parameter(command, LikePattern(t))} ESCAPE '\'"""));
        command.CommandText = $"""
            SELECT e."Id", e."Kind", e."SectionId", e."DocumentId", e."Year"
              FROM "SearchBacklog" b CROSS JOIN "SearchEntries" e ON e."DocumentId" = b."DocumentId"
             WHERE {string.Join(" AND ", conditions)} ORDER BY e."Id" LIMIT {HitCap}
            """;
        return await ReadHitsAsync(command, cancellationToken);
    }

    private static List<Hit> MergeInIdOrder(List<Hit> indexed, List<Hit> backlog) =>
        backlog.Count == 0 ? indexed : indexed.Concat(backlog).OrderBy(h => h.Id).Take(HitCap).ToList();
}

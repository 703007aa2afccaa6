using System.Data.Common;

namespace StudyPortal.Data.Search;

/// <summary>
/// Search on SQLite: one FTS5 table of single characters and character pairs (<see cref="SearchGrams"/>, no
/// positions, created by the migrations) finds the candidate entries of every term; terms longer than one token are
/// confirmed against the text in the same statement. Terms reach FTS5 only as quoted string literals.
/// </summary>
public sealed class SqliteSearchIndex(PortalDbContext db, LibraryVersion? version = null) : SearchIndex(db, version)
{
    protected override object Tokens(string text) => SearchGrams.For(text);

    protected override async Task WriteEntriesAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<Entry> entries, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO "SearchEntries" ("Id", "DocumentId", "SectionId", "ParagraphPosition", "Kind", "Year", "Text") VALUES (@id, @d, @s, @p, @k, @y, @t);
            INSERT INTO "SearchGrams" (rowid, grams) VALUES (@id, @g);
            """;
        var parameters = new[] { "@id", "@d", "@s", "@p", "@k", "@y", "@t", "@g" }.Select(name => Add(insert, name, null)).ToArray();
        foreach (var e in entries)
        {
            object?[] values = [e.Id, e.DocumentId, e.SectionId, e.ParagraphPosition, (int)e.Kind, e.Year, e.Text, e.Tokens];
            for (var i = 0; i < values.Length; i++) parameters[i].Value = values[i] ?? DBNull.Value;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    protected override string DeleteEntriesSql => """
        DELETE FROM "SearchGrams" WHERE @d IS NULL OR rowid IN (SELECT "Id" FROM "SearchEntries" WHERE "DocumentId" = @d);
        DELETE FROM "SearchEntries" WHERE @d IS NULL OR "DocumentId" = @d;
        """;

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
        // digit (“——”) has no tokens: a scan in id order, stopped the same way.
        command.CommandText = match is not null
            ? $"""
              SELECT e."Id", e."Kind", e."SectionId", e."DocumentId", e."Year"
                FROM "SearchGrams" g CROSS JOIN "SearchEntries" e ON e."Id" = g.rowid
               WHERE g."SearchGrams" MATCH {match}{filter}
               ORDER BY g.rowid LIMIT {HitCap}
              """
            : $"""
              SELECT e."Id", e."Kind", e."SectionId", e."DocumentId", e."Year"
                FROM "SearchEntries" e WHERE 1 = 1{filter} ORDER BY e."Id" LIMIT {HitCap}
              """;
        return await ReadHitsAsync(command, cancellationToken);
    }
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace StudyPortal.Data.Search;

/// <summary>
/// Search on PostgreSQL. Terms of three or more characters are found by <c>ILIKE</c> on the entry text, served by a
/// <c>pg_trgm</c> GIN index (which needs a UTF-8 database with a UTF-8 locale to make trigrams of Chinese). pg_trgm
/// cannot serve one or two characters, so each entry also keeps its <see cref="SearchGrams"/> (every character and
/// pair, as SQLite's FTS5 table holds them) in a text[] column with a GIN index: a short term is one array element.
/// </summary>
public sealed class PostgresSearchIndex(PortalDbContext db, LibraryVersion? version = null) : SearchIndex(db, version)
{
    public const string GramsColumn = "Grams";

    /// <summary>The PostgreSQL-only part of the model, applied by <see cref="PortalDbContext"/> on Npgsql.</summary>
    public static void ConfigureModel(ModelBuilder builder)
    {
        builder.HasPostgresExtension("pg_trgm");
        var entry = builder.Entity<SearchEntry>();
        entry.Property(e => e.Id).ValueGeneratedNever();
        entry.Property<string[]>(GramsColumn).IsRequired();
        entry.HasIndex(GramsColumn).HasMethod("gin");
        entry.HasIndex(e => e.Text).HasMethod("gin").HasOperators("gin_trgm_ops");
    }

    /// <summary>Nothing to catch up: an entry's grams are stored with it, and PostgreSQL maintains its GIN indexes in the same transaction.</summary>
    public override Task<int> CatchUpAsync(CancellationToken cancellationToken) => Task.FromResult(0);

    /// <summary>Binary COPY: one round trip for a document's entries instead of one per entry.</summary>
    protected override async Task WriteEntriesAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<Entry> entries, CancellationToken cancellationToken)
    {
        await using var copy = await ((NpgsqlConnection)connection).BeginBinaryImportAsync($"""
            COPY "SearchEntries" ("Id", "DocumentId", "SectionId", "ParagraphPosition", "Kind", "Year", "Text", "{GramsColumn}") FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        // Making the grams is a quarter of the indexing time and independent per entry: it runs on every core.
        var grams = new string[entries.Count][];
        Parallel.For(0, entries.Count, i => grams[i] = SearchGrams.For(entries[i].Text).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(e.Id, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(e.DocumentId, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(e.SectionId, NpgsqlDbType.Integer, cancellationToken);
            await WriteNullableAsync(copy, e.ParagraphPosition, cancellationToken);
            await copy.WriteAsync((int)e.Kind, NpgsqlDbType.Integer, cancellationToken);
            await WriteNullableAsync(copy, e.Year, cancellationToken);
            await copy.WriteAsync(e.Text, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(grams[i], NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
        }
        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter copy, int? value, CancellationToken cancellationToken)
    {
        if (value is int v) await copy.WriteAsync(v, NpgsqlDbType.Integer, cancellationToken);
        else await copy.WriteNullAsync(cancellationToken);
    }

    protected override string DeleteEntriesSql => """DELETE FROM "SearchEntries" WHERE @d::integer IS NULL OR "DocumentId" = @d::integer""";

    protected override async Task<List<Hit>> MatchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();

        // Short terms are array elements (lower-cased as the grams are); longer ones ILIKE through the trigram index.
        // ILIKE ignores case for every letter, where SQLite's LIKE ignores it for ASCII only: the same for Chinese text.
        var conditions = new List<string>();
        var grams = query.Required.Where(SearchGrams.IsGram).Select(t => t.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToArray();
        if (grams.Length > 0) conditions.Add($"""e."{GramsColumn}" @> {Parameter(command, grams)}""");
        conditions.AddRange(query.Required.Where(t => !SearchGrams.IsGram(t)).Select(t => $"""e."Text" ILIKE {Parameter(command, LikePattern(t))}"""));
        conditions.AddRange(query.Excluded.Select(t => $"""e."Text" NOT ILIKE {Parameter(command, LikePattern(t))}"""));
        command.CommandText = $"""
            SELECT e."Id", e."Kind", e."SectionId", e."DocumentId", e."Year"
              FROM "SearchEntries" e WHERE {string.Join(" AND ", conditions)} ORDER BY e."Id" LIMIT {HitCap}
            """;
        return await ReadHitsAsync(command, cancellationToken);
    }
}

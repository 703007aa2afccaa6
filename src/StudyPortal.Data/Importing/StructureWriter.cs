using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using StudyPortal.Importer.Model;

namespace StudyPortal.Data.Importing;

/// <summary>
/// Writes a document's articles, sections, paragraphs and quotations inside the caller's transaction, in document
/// order, each call returning the new row's id. EF Core's change tracker costs about 200 µs a row here, which made a
/// 20 MB booklet take minutes. On SQLite (in-process) prepared <c>INSERT … RETURNING</c> commands take a few µs a
/// row. On PostgreSQL every statement is a round trip to the server, which under load cost seconds per booklet, so
/// <see cref="PostgresStructureWriter"/> takes the ids from the tables' sequences up front and sends the rows with
/// binary COPY in <see cref="CompleteAsync"/>.
/// </summary>
internal class StructureWriter : IAsyncDisposable
{
    private readonly DbCommand _article;
    private readonly DbCommand _section;
    private readonly DbCommand _paragraph;
    private readonly DbCommand _quotation;

    protected StructureWriter()
    {
        _article = _section = _paragraph = _quotation = null!;
    }

    private StructureWriter(DbConnection connection, DbTransaction transaction)
    {
        _article = Command(connection, transaction,
            """INSERT INTO "Articles" ("DocumentId", "Position", "Title", "Source", "Author", "CharCount", "Fingerprint") VALUES (@d, @pos, @title, @source, @author, @chars, @fingerprint) RETURNING "Id" """,
            "d", "pos", "title", "source", "author", "chars", "fingerprint");
        _section = Command(connection, transaction,
            """INSERT INTO "Sections" ("Key", "DocumentId", "ArticleId", "Position", "Heading", "Level", "CharCount", "FirstLine") VALUES (@key, @d, @a, @pos, @heading, @level, @chars, @line) RETURNING "Id" """,
            "key", "d", "a", "pos", "heading", "level", "chars", "line");
        _paragraph = Command(connection, transaction,
            """INSERT INTO "Paragraphs" ("SectionId", "Position", "Text", "Markdown", "Kind", "FirstLine", "LastLine") VALUES (@s, @pos, @text, @md, @kind, @first, @last) RETURNING "Id" """,
            "s", "pos", "text", "md", "kind", "first", "last");
        _quotation = Command(connection, transaction,
            """INSERT INTO "Quotations" ("DocumentId", "SectionId", "ParagraphId", "Position", "Text", "Speaker", "Date", "DateEnd", "Year", "Occasion", "Theme", "Enumerator") VALUES (@d, @s, @p, @pos, @text, @speaker, @date, @end, @year, @occasion, @theme, @enumerator)""",
            "d", "s", "p", "pos", "text", "speaker", "date", "end", "year", "occasion", "theme", "enumerator");
    }

    public static async Task<StructureWriter> OpenAsync(PortalDbContext db, ParsedDocument parsed, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open) await connection.OpenAsync(cancellationToken);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The structure is written inside the store's transaction.");
        return connection is Npgsql.NpgsqlConnection postgres
            ? await PostgresStructureWriter.OpenAsync(postgres, parsed, cancellationToken)
            : new StructureWriter(connection, transaction);
    }

    /// <summary>Sends what was buffered; nothing is buffered on SQLite.</summary>
    public virtual Task CompleteAsync(CancellationToken ct) => Task.CompletedTask;

    public virtual async Task<int> ArticleAsync(int documentId, int position, ParsedArticle article, int chars, CancellationToken ct) =>
        await ScalarAsync(_article, ct, documentId, position, article.Title, article.Source, article.Author, chars, Importer.ArticleFingerprint.Of(article));

    public virtual async Task<int> SectionAsync(string key, int documentId, int articleId, int position, ParsedSection section, int chars, CancellationToken ct) =>
        await ScalarAsync(_section, ct, key, documentId, articleId, position, section.Heading, section.Level, chars, section.Line);

    public virtual async Task<int> ParagraphAsync(int sectionId, int position, ParsedParagraph p, CancellationToken ct) =>
        await ScalarAsync(_paragraph, ct, sectionId, position, p.Text, p.Markdown, p.Kind.ToString(), p.FirstLine, p.LastLine);

    public virtual async Task QuotationAsync(int documentId, int sectionId, int paragraphId, int position, ParsedQuotation q, CancellationToken ct)
    {
        Bind(_quotation, documentId, sectionId, paragraphId, position, q.Text, q.Speaker, q.Date?.ToIso(), q.DateEnd?.ToIso(), q.Date?.Year, q.Occasion, q.Theme, q.Enumerator);
        await _quotation.ExecuteNonQueryAsync(ct);
    }

    private static async Task<int> ScalarAsync(DbCommand command, CancellationToken ct, params object?[] values)
    {
        Bind(command, values);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Bind(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        // The PostgreSQL writer prepares no commands.
        if (_article is null) return;
        await _article.DisposeAsync();
        await _section.DisposeAsync();
        await _paragraph.DisposeAsync();
        await _quotation.DisposeAsync();
    }
}

/// <summary>The PostgreSQL form of <see cref="StructureWriter"/>: ids from the sequences in three round trips, rows by binary COPY.</summary>
internal sealed class PostgresStructureWriter : StructureWriter
{
    private readonly Npgsql.NpgsqlConnection _connection;
    private readonly Queue<int> _articleIds, _sectionIds, _paragraphIds;
    private readonly List<object?[]> _articles = [], _sections = [], _paragraphs = [], _quotations = [];

    private PostgresStructureWriter(Npgsql.NpgsqlConnection connection, Queue<int> articleIds, Queue<int> sectionIds, Queue<int> paragraphIds)
    {
        _connection = connection;
        _articleIds = articleIds;
        _sectionIds = sectionIds;
        _paragraphIds = paragraphIds;
    }

    public static async Task<StructureWriter> OpenAsync(Npgsql.NpgsqlConnection connection, ParsedDocument parsed, CancellationToken ct)
    {
        var sections = parsed.AllSections.ToList();
        return new PostgresStructureWriter(connection,
            await IdsAsync(connection, "Articles", parsed.Articles.Count, ct),
            await IdsAsync(connection, "Sections", sections.Count, ct),
            await IdsAsync(connection, "Paragraphs", sections.Sum(s => s.Paragraphs.Count), ct));
    }

    /// <summary>Takes <paramref name="count"/> ids from the table's identity sequence, as PostgreSQL would give them row by row.</summary>
    private static async Task<Queue<int>> IdsAsync(Npgsql.NpgsqlConnection connection, string table, int count, CancellationToken ct)
    {
        var ids = new Queue<int>(count);
        if (count == 0) return ids;
        await using var command = connection.CreateCommand();
        command.CommandText = $"""SELECT nextval(pg_get_serial_sequence('"{table}"', 'Id'))::integer FROM generate_series(1, @count)""";
        command.Parameters.AddWithValue("count", count);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Enqueue(reader.GetInt32(0));
        return ids;
    }

    public override Task<int> ArticleAsync(int documentId, int position, ParsedArticle article, int chars, CancellationToken ct) =>
        Buffer(_articles, _articleIds, documentId, position, article.Title, article.Source, article.Author, chars, Importer.ArticleFingerprint.Of(article));

    public override Task<int> SectionAsync(string key, int documentId, int articleId, int position, ParsedSection section, int chars, CancellationToken ct) =>
        Buffer(_sections, _sectionIds, key, documentId, articleId, position, section.Heading, section.Level, chars, section.Line);

    public override Task<int> ParagraphAsync(int sectionId, int position, ParsedParagraph p, CancellationToken ct) =>
        Buffer(_paragraphs, _paragraphIds, sectionId, position, p.Text, p.Markdown, p.Kind.ToString(), p.FirstLine, p.LastLine);

    public override Task QuotationAsync(int documentId, int sectionId, int paragraphId, int position, ParsedQuotation q, CancellationToken ct)
    {
        _quotations.Add([documentId, sectionId, paragraphId, position, q.Text, q.Speaker, q.Date?.ToIso(), q.DateEnd?.ToIso(), q.Date?.Year, q.Occasion, q.Theme, q.Enumerator]);
        return Task.CompletedTask;
    }

    private static Task<int> Buffer(List<object?[]> rows, Queue<int> ids, params object?[] values)
    {
        var id = ids.Dequeue();
        rows.Add([id, .. values]);
        return Task.FromResult(id);
    }

    public override async Task CompleteAsync(CancellationToken ct)
    {
        await CopyAsync("Articles", ["Id", "DocumentId", "Position", "Title", "Source", "Author", "CharCount", "Fingerprint"], _articles, ct);
        await CopyAsync("Sections", ["Id", "Key", "DocumentId", "ArticleId", "Position", "Heading", "Level", "CharCount", "FirstLine"], _sections, ct);
        await CopyAsync("Paragraphs", ["Id", "SectionId", "Position", "Text", "Markdown", "Kind", "FirstLine", "LastLine"], _paragraphs, ct);
        await CopyAsync("Quotations", ["DocumentId", "SectionId", "ParagraphId", "Position", "Text", "Speaker", "Date", "DateEnd", "Year", "Occasion", "Theme", "Enumerator"], _quotations, ct);
    }

    private async Task CopyAsync(string table, string[] columns, List<object?[]> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        await using var copy = await _connection.BeginBinaryImportAsync(
            $"""COPY "{table}" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)""", ct);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(ct);
            foreach (var value in row)
            {
                switch (value)
                {
                    case null: await copy.WriteNullAsync(ct); break;
                    case int i: await copy.WriteAsync(i, NpgsqlTypes.NpgsqlDbType.Integer, ct); break;
                    case string text: await copy.WriteAsync(text, NpgsqlTypes.NpgsqlDbType.Text, ct); break;
                    case byte[] bytes: await copy.WriteAsync(bytes, NpgsqlTypes.NpgsqlDbType.Bytea, ct); break;
                    default: throw new InvalidOperationException($"No COPY mapping for {value.GetType()} in {table}.");
                }
            }
        }
        await copy.CompleteAsync(ct);
    }
}

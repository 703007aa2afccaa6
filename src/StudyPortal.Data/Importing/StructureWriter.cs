using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using StudyPortal.Importer.Model;

namespace StudyPortal.Data.Importing;

/// <summary>
/// Writes a document's articles, sections, paragraphs and quotations with prepared commands inside the caller's
/// transaction. EF Core's change tracker costs about 200 µs a row here, which made a 20 MB booklet take minutes;
/// prepared inserts take a few µs. Plain SQL with @parameters and RETURNING, so PostgreSQL runs it unchanged.
/// </summary>
internal sealed class StructureWriter : IAsyncDisposable
{
    private readonly DbCommand _article;
    private readonly DbCommand _section;
    private readonly DbCommand _paragraph;
    private readonly DbCommand _quotation;

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
            """INSERT INTO "Quotations" ("DocumentId", "SectionId", "ParagraphId", "Position", "Text", "Speaker", "Date", "DateEnd", "Year", "Occasion", "Theme") VALUES (@d, @s, @p, @pos, @text, @speaker, @date, @end, @year, @occasion, @theme)""",
            "d", "s", "p", "pos", "text", "speaker", "date", "end", "year", "occasion", "theme");
    }

    public static async Task<StructureWriter> OpenAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open) await connection.OpenAsync(cancellationToken);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The structure is written inside the store's transaction.");
        return new StructureWriter(connection, transaction);
    }

    public async Task<int> ArticleAsync(int documentId, int position, ParsedArticle article, int chars, CancellationToken ct) =>
        await ScalarAsync(_article, ct, documentId, position, article.Title, article.Source, article.Author, chars, Importer.ArticleFingerprint.Of(article));

    public async Task<int> SectionAsync(string key, int documentId, int articleId, int position, ParsedSection section, int chars, CancellationToken ct) =>
        await ScalarAsync(_section, ct, key, documentId, articleId, position, section.Heading, section.Level, chars, section.Line);

    public async Task<int> ParagraphAsync(int sectionId, int position, ParsedParagraph p, CancellationToken ct) =>
        await ScalarAsync(_paragraph, ct, sectionId, position, p.Text, p.Markdown, p.Kind.ToString(), p.FirstLine, p.LastLine);

    public async Task QuotationAsync(int documentId, int sectionId, int paragraphId, int position, ParsedQuotation q, CancellationToken ct)
    {
        Bind(_quotation, documentId, sectionId, paragraphId, position, q.Text, q.Speaker, q.Date?.ToIso(), q.DateEnd?.ToIso(), q.Date?.Year, q.Occasion, q.Theme);
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
        await _article.DisposeAsync();
        await _section.DisposeAsync();
        await _paragraph.DisposeAsync();
        await _quotation.DisposeAsync();
    }
}

using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using StudyPortal.Data.Entities;
using StudyPortal.Data.Search;
using StudyPortal.Importer.Model;

namespace StudyPortal.Data.Importing;

/// <summary>
/// Stores a parsed document in one transaction: it lands whole or not at all. The same bytes again change nothing;
/// a document with the same title is replaced, and its sections keep their keys where their text is unchanged.
/// </summary>
public sealed class DocumentStore(PortalDbContext db, ISearchIndex search, TimeProvider time, LibraryVersion version, ILogger<DocumentStore> logger)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string ContentHash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <param name="replaceDocumentId">
    /// Re-import: the document to replace whatever the parse gives (its stored original, read by a newer importer);
    /// otherwise the same content is left alone and a document of the same title is replaced.
    /// </param>
    /// <param name="expectedDocumentId">
    /// The upload preview's premise: the document of this title that the admin agreed to replace, or 0 for none. When
    /// the library holds another by the time the write lock is taken, nothing is stored and the outcome is
    /// <see cref="ImportStatus.Conflict"/> naming the document now there.
    /// </param>
    public async Task<ImportOutcome> StoreAsync(ParsedDocument parsed, byte[] original, string importedBy, int? replaceDocumentId = null,
        int? expectedDocumentId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(original);
        var hash = ContentHash(original);
        if (await SameContentAsync(hash, replaceDocumentId, cancellationToken) is { } unchanged) return unchanged;

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.LockLibraryAsync(cancellationToken);
            // Another web node may have stored the same bytes while this one parsed them.
            if (await SameContentAsync(hash, replaceDocumentId, cancellationToken) is { } stored) return stored;
            var document = replaceDocumentId is int id
                ? await db.Documents.FirstOrDefaultAsync(d => d.Id == id, cancellationToken)
                : await db.Documents.FirstOrDefaultAsync(d => d.Title == parsed.Title, cancellationToken);
            if (expectedDocumentId is { } expected && (document?.Id ?? 0) != expected)
                return new ImportOutcome(ImportStatus.Conflict, document?.Id ?? 0, document?.Title ?? parsed.Title, 0, 0, 0, 0);
            var status = document is null ? ImportStatus.Imported : ImportStatus.Replaced;
            if (document is null)
            {
                document = new Document
                {
                    Title = parsed.Title, FileName = "", ContentHash = hash, Encoding = "", DiagnosticsJson = "[]", DroppedJson = "[]", ImportedBy = importedBy,
                };
                db.Documents.Add(document);
            }
            else
            {
                await DeleteStructureAsync(document.Id, cancellationToken);
                document.ReplacedAtUtc = time.GetUtcNow().UtcDateTime;
            }

            Fill(document, parsed, original, hash, importedBy);
            await db.SaveChangesAsync(cancellationToken);
            await AddStructureAsync(document, parsed, original, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await search.IndexDocumentAsync(document.Id, cancellationToken);
            await db.MoveLibraryRevisionAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            version.Bump();
            db.ChangeTracker.Clear();

            logger.LogInformation("{Status} {Title}: {Articles} articles, {Sections} sections, {Quotations} quotations",
                status, parsed.Title, parsed.Articles.Count, parsed.AllSections.Count(), parsed.Quotations.Count);
            return await OutcomeAsync(status, document.Id, document.Title, cancellationToken);
        });
    }

    private async Task<ImportOutcome?> SameContentAsync(string hash, int? replaceDocumentId, CancellationToken cancellationToken)
    {
        var same = await db.Documents.AsNoTracking().Where(d => d.ContentHash == hash).Select(d => new { d.Id, d.Title }).FirstOrDefaultAsync(cancellationToken);
        if (same is null || same.Id == replaceDocumentId) return null;
        logger.LogInformation("Unchanged {Title}: the same content is already document {DocumentId}", same.Title, same.Id);
        return await OutcomeAsync(ImportStatus.Unchanged, same.Id, same.Title, cancellationToken);
    }

    /// <summary>Removes a document and everything that hangs off it, in one transaction.</summary>
    public async Task<bool> DeleteAsync(int documentId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockLibraryAsync(cancellationToken);
        await DeleteStructureAsync(documentId, cancellationToken);
        var deleted = await db.Documents.Where(d => d.Id == documentId).ExecuteDeleteAsync(cancellationToken);
        await db.MoveLibraryRevisionAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        version.Bump();
        return deleted > 0;
    }

    private async Task DeleteStructureAsync(int documentId, CancellationToken cancellationToken)
    {
        await search.RemoveDocumentAsync(documentId, cancellationToken);
        await db.Quotations.Where(q => q.DocumentId == documentId).ExecuteDeleteAsync(cancellationToken);
        await db.Paragraphs.Where(p => p.Section!.DocumentId == documentId).ExecuteDeleteAsync(cancellationToken);
        await db.Sections.Where(s => s.DocumentId == documentId).ExecuteDeleteAsync(cancellationToken);
        await db.Articles.Where(a => a.DocumentId == documentId).ExecuteDeleteAsync(cancellationToken);
        await db.DocumentFiles.Where(f => f.DocumentId == documentId).ExecuteDeleteAsync(cancellationToken);
    }

    private void Fill(Document document, ParsedDocument parsed, byte[] original, string hash, string importedBy)
    {
        document.Title = parsed.Title;
        document.Subtitle = parsed.Subtitle;
        document.Series = parsed.Series;
        document.Issuer = parsed.Issuer;
        document.Date = parsed.Date?.ToIso();
        document.Year = parsed.Date?.Year;
        document.FileName = parsed.FileName;
        document.ContentHash = hash;
        document.Encoding = parsed.Encoding;
        document.SizeBytes = original.LongLength;
        document.CharCount = parsed.AllSections.SelectMany(s => s.Paragraphs).Sum(p => ReadingTime.CountCharacters(p.Text));
        document.DiagnosticsJson = JsonSerializer.Serialize(parsed.Diagnostics, Json);
        document.DroppedJson = JsonSerializer.Serialize(parsed.Dropped, Json);
        document.ImportedBy = importedBy;
        document.ImportedAtUtc = time.GetUtcNow().UtcDateTime;
    }

    private async Task AddStructureAsync(Document document, ParsedDocument parsed, byte[] original, CancellationToken cancellationToken)
    {
        db.DocumentFiles.Add(new DocumentFile { DocumentId = document.Id, Content = original });
        await db.SaveChangesAsync(cancellationToken);

        var keys = AssignKeys(parsed);
        await ResolveKeyCollisionsAsync(keys, document.Id, cancellationToken);

        await using var writer = await StructureWriter.OpenAsync(db, parsed, cancellationToken);
        var sectionIds = new List<int[]>();
        var paragraphIds = new List<int[][]>();
        var sectionPosition = 0;
        for (var a = 0; a < parsed.Articles.Count; a++)
        {
            var article = parsed.Articles[a];
            var articleId = await writer.ArticleAsync(document.Id, a, article, article.Sections.SelectMany(s => s.Paragraphs).Sum(p => ReadingTime.CountCharacters(p.Text)), cancellationToken);
            var sections = new int[article.Sections.Count];
            var paragraphs = new int[article.Sections.Count][];
            for (var s = 0; s < article.Sections.Count; s++)
            {
                var section = article.Sections[s];
                var chars = section.Paragraphs.Sum(p => ReadingTime.CountCharacters(p.Text));
                sections[s] = await writer.SectionAsync(keys[sectionPosition], document.Id, articleId, sectionPosition, section, chars, cancellationToken);
                sectionPosition++;
                paragraphs[s] = new int[section.Paragraphs.Count];
                for (var p = 0; p < section.Paragraphs.Count; p++)
                    paragraphs[s][p] = await writer.ParagraphAsync(sections[s], p, section.Paragraphs[p], cancellationToken);
            }
            sectionIds.Add(sections);
            paragraphIds.Add(paragraphs);
        }
        for (var q = 0; q < parsed.Quotations.Count; q++)
        {
            var quotation = parsed.Quotations[q];
            await writer.QuotationAsync(document.Id, sectionIds[quotation.Article][quotation.Section],
                paragraphIds[quotation.Article][quotation.Section][quotation.Paragraph], q, quotation, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>Keys in document order: the same text gets the same key; a repeated heading counts its occurrences.</summary>
    private static List<string> AssignKeys(ParsedDocument parsed)
    {
        var occurrences = new Dictionary<string, int>();
        var keys = new List<string>();
        foreach (var article in parsed.Articles)
        {
            foreach (var section in article.Sections)
            {
                var identity = section.Heading.Length > 0 ? section.Heading : Opening(section);
                var occurrence = occurrences[$"{article.Title}\n{identity}"] = occurrences.GetValueOrDefault($"{article.Title}\n{identity}") + 1;
                keys.Add(SectionKeys.For(parsed.Title, article.Title, identity, occurrence));
            }
        }
        return keys;
    }

    /// <summary>Another document may hold a section with the same text and so the same key; the newcomer's key gets another.</summary>
    private async Task ResolveKeyCollisionsAsync(List<string> keys, int documentId, CancellationToken cancellationToken)
    {
        var taken = new HashSet<string>();
        foreach (var chunk in keys.Chunk(500))
            taken.UnionWith(await db.Sections.AsNoTracking().Where(s => chunk.Contains(s.Key) && s.DocumentId != documentId).Select(s => s.Key).ToListAsync(cancellationToken));
        if (taken.Count == 0) return;
        for (var i = 0; i < keys.Count; i++)
            if (taken.Contains(keys[i]))
                keys[i] = SectionKeys.For(documentId.ToString(System.Globalization.CultureInfo.InvariantCulture), keys[i], "", i);
    }

    private static string Opening(ParsedSection section) =>
        section.Paragraphs.Count == 0 ? "" : section.Paragraphs[0].Text[..Math.Min(40, section.Paragraphs[0].Text.Length)];

    private async Task<ImportOutcome> OutcomeAsync(ImportStatus status, int documentId, string title, CancellationToken cancellationToken)
    {
        var articles = await db.Articles.CountAsync(a => a.DocumentId == documentId, cancellationToken);
        var sections = await db.Sections.CountAsync(s => s.DocumentId == documentId, cancellationToken);
        var paragraphs = await db.Paragraphs.CountAsync(p => p.Section!.DocumentId == documentId, cancellationToken);
        var quotations = await db.Quotations.CountAsync(q => q.DocumentId == documentId, cancellationToken);
        return new ImportOutcome(status, documentId, title, articles, sections, paragraphs, quotations);
    }
}

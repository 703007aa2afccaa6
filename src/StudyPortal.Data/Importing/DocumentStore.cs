using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using StudyPortal.Data.Library;
using StudyPortal.Data.Search;
using StudyPortal.Data.Editing;
using StudyPortal.Importer.Editing;
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
    /// <param name="keepCorrections">
    /// Replacing a document an admin has corrected: replay the corrections onto the new structure where the text they
    /// were made on is unchanged (the default), or drop them all.
    /// </param>
    public async Task<ImportOutcome> StoreAsync(ParsedDocument parsed, byte[] original, string importedBy, int? replaceDocumentId = null,
        int? expectedDocumentId = null, bool keepCorrections = true, CancellationToken cancellationToken = default)
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
                : await Replaced(db.Documents, parsed.Title).FirstOrDefaultAsync(cancellationToken);
            if (expectedDocumentId is { } expected && (document?.Id ?? 0) != expected)
                return new ImportOutcome(ImportStatus.Conflict, document?.Id ?? 0, document?.Title ?? parsed.Title, 0, 0, 0, 0);
            var status = document is null ? ImportStatus.Imported : ImportStatus.Replaced;
            var corrections = new Corrections(0, 0);
            if (document is null)
            {
                document = new Document
                {
                    Title = parsed.Title, ImportedTitle = parsed.Title, FileName = "", ContentHash = hash, Encoding = "", DiagnosticsJson = "[]", DroppedJson = "[]",
                    ImportedBy = importedBy,
                };
                db.Documents.Add(document);
            }
            else
            {
                await search.RemoveDocumentAsync(document.Id, cancellationToken);
                await DeleteStructureAsync(document.Id, cancellationToken);
                await db.DocumentFiles.Where(f => f.DocumentId == document.Id).ExecuteDeleteAsync(cancellationToken);
                document.ReplacedAtUtc = time.GetUtcNow().UtcDateTime;
            }

            var keys = SectionKeys.Assign(parsed, document.ImportedTitle);
            if (status == ImportStatus.Replaced) (parsed, keys, corrections) = await ReplayCorrectionsAsync(document, parsed, keys, keepCorrections, importedBy, cancellationToken);
            Fill(document, parsed, original, hash, importedBy);
            await db.SaveChangesAsync(cancellationToken);
            db.DocumentFiles.Add(new DocumentFile { DocumentId = document.Id, Content = original });
            await db.SaveChangesAsync(cancellationToken);
            await WriteStructureAsync(document.Id, parsed, keys, cancellationToken);
            await search.IndexDocumentAsync(document.Id, cancellationToken);
            await db.MoveLibraryRevisionAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            version.Bump();
            db.ChangeTracker.Clear();

            logger.LogInformation("{Status} {Title}: {Articles} articles, {Sections} sections, {Quotations} quotations",
                status, parsed.Title, parsed.Articles.Count, parsed.AllSections.Count(), parsed.Quotations.Count);
            return await OutcomeAsync(status, document.Id, document.Title, cancellationToken) with { CorrectionsKept = corrections.Kept, CorrectionsDropped = corrections.Dropped };
        });
    }

    private sealed record Corrections(int Kept, int Dropped);

    /// <summary>
    /// Replays an admin's corrections onto the new parse, in the order they were made, each one only where the text it
    /// was made on is still there; the history records the replacement, and undo does not reach back past it.
    /// </summary>
    private async Task<(ParsedDocument, List<string>, Corrections)> ReplayCorrectionsAsync(Document document, ParsedDocument parsed, List<string> keys,
        bool keep, string importedBy, CancellationToken cancellationToken)
    {
        var edits = await db.DocumentEdits.Where(e => e.DocumentId == document.Id).OrderBy(e => e.Revision).ToListAsync(cancellationToken);
        var standing = (await DocumentEditor.Standing(db.DocumentEdits).Where(e => e.DocumentId == document.Id).Select(e => e.Id).ToListAsync(cancellationToken)).ToHashSet();
        var replayable = edits.Where(e => standing.Contains(e.Id)).ToList();
        var dropped = keep ? [] : replayable;
        if (keep && replayable.Count > 0)
        {
            var editable = EditableDocument.From(parsed, keys);
            editable.NewKey = seed => SectionKeys.ForEdit(document.ImportedTitle, seed);
            foreach (var edit in replayable)
            {
                try
                {
                    editable.Apply(DocumentEditor.Read(edit));
                }
                catch (StructureEditException)
                {
                    dropped.Add(edit);
                }
            }
            var (corrected, correctedKeys) = editable.ToParsed();
            (parsed, keys) = (corrected, [.. correctedKeys]);
        }
        // What was not kept leaves the history; the audit trail still says who made it. Snapshots describe the old structure.
        db.DocumentEdits.RemoveRange(dropped);
        foreach (var edit in edits) edit.SnapshotJson = null;
        document.Revision++;
        db.DocumentEdits.Add(new DocumentEdit
        {
            DocumentId = document.Id, Revision = document.Revision, AtUtc = time.GetUtcNow().UtcDateTime, UserName = importedBy, Kind = DocumentEdit.ReplaceKind,
            EditJson = "{}", Before = document.FileName, After = parsed.FileName,
        });
        return (parsed, keys, new Corrections(replayable.Count - dropped.Count, dropped.Count));
    }

    /// <summary>
    /// The document a new one of this title replaces: the one with that title, else the one first imported under it
    /// (an admin may have changed its title since).
    /// </summary>
    public static IQueryable<Document> Replaced(IQueryable<Document> documents, string title) =>
        documents.Where(d => d.Title == title || d.ImportedTitle == title).OrderBy(d => d.Title == title ? 0 : 1);

    /// <summary>The document stored from the same bytes, if any: the same content is never stored twice.</summary>
    public async Task<(int Id, string Title)?> FindSameContentAsync(string hash, CancellationToken cancellationToken)
    {
        var same = await db.Documents.AsNoTracking().Where(d => d.ContentHash == hash).Select(d => new { d.Id, d.Title }).FirstOrDefaultAsync(cancellationToken);
        return same is null ? null : (same.Id, same.Title);
    }

    private async Task<ImportOutcome?> SameContentAsync(string hash, int? replaceDocumentId, CancellationToken cancellationToken)
    {
        var found = await FindSameContentAsync(hash, cancellationToken);
        if (found is not { } same || same.Id == replaceDocumentId) return null;
        logger.LogInformation("Unchanged {Title}: the same content is already document {DocumentId}", same.Title, same.Id);
        return await OutcomeAsync(ImportStatus.Unchanged, same.Id, same.Title, cancellationToken);
    }

    /// <summary>Removes a document and everything that hangs off it, in one transaction.</summary>
    public async Task<bool> DeleteAsync(int documentId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockLibraryAsync(cancellationToken);
        await search.RemoveDocumentAsync(documentId, cancellationToken);
        await Highlights.HighlightAnchors.OrphanAsync(db, documentId, time, cancellationToken);
        await DeleteStructureAsync(documentId, cancellationToken);
        await db.DocumentFiles.Where(f => f.DocumentId == documentId).ExecuteDeleteAsync(cancellationToken);
        var deleted = await db.Documents.Where(d => d.Id == documentId).ExecuteDeleteAsync(cancellationToken);
        await db.MoveLibraryRevisionAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        version.Bump();
        return deleted > 0;
    }

    /// <summary>Removes the document's articles, sections, paragraphs and quotations (not its original, not its search entries).</summary>
    internal async Task DeleteStructureAsync(int documentId, CancellationToken cancellationToken)
    {
        await db.Quotations.Where(q => q.DocumentId == documentId).ExecuteDeleteAsync(cancellationToken);
        await db.Paragraphs.Where(p => p.Section!.DocumentId == documentId).ExecuteDeleteAsync(cancellationToken);
        await db.Sections.Where(s => s.DocumentId == documentId).ExecuteDeleteAsync(cancellationToken);
        await db.Articles.Where(a => a.DocumentId == documentId).ExecuteDeleteAsync(cancellationToken);
    }

    private void Fill(Document document, ParsedDocument parsed, byte[] original, string hash, string importedBy)
    {
        FillStructureFacts(document, parsed);
        document.FileName = parsed.FileName;
        document.ContentHash = hash;
        document.Encoding = parsed.Encoding;
        document.SizeBytes = original.LongLength;
        document.ImportedBy = importedBy;
        document.ImportedAtUtc = time.GetUtcNow().UtcDateTime;
    }

    /// <summary>What the document row says about its structure: title block, length, what was dropped and flagged.</summary>
    internal static void FillStructureFacts(Document document, ParsedDocument parsed)
    {
        document.Title = parsed.Title;
        document.Subtitle = parsed.Subtitle;
        document.Series = parsed.Series;
        document.Issuer = parsed.Issuer;
        document.Date = parsed.Date?.ToIso();
        document.Year = parsed.Date?.Year;
        document.CharCount = parsed.AllSections.SelectMany(s => s.Paragraphs).Sum(p => ReadingTime.CountCharacters(p.Text));
        document.DiagnosticsJson = JsonSerializer.Serialize(parsed.Diagnostics, Json);
        document.DroppedJson = JsonSerializer.Serialize(parsed.Dropped, Json);
    }

    /// <summary>Writes the structure rows with the given section keys (in document order), made unique across documents.</summary>
    internal async Task WriteStructureAsync(int documentId, ParsedDocument parsed, IReadOnlyList<string> sectionKeys, CancellationToken cancellationToken)
    {
        var keys = sectionKeys.ToList();
        await ResolveKeyCollisionsAsync(keys, documentId, cancellationToken);
        var sectionCount = parsed.AllSections.Count();
        await using var writer = await StructureWriter.OpenAsync(db, new Dictionary<Type, int>
        {
            [typeof(Article)] = parsed.Articles.Count, [typeof(Section)] = sectionCount,
            [typeof(Paragraph)] = parsed.AllSections.Sum(s => s.Paragraphs.Count), [typeof(Quotation)] = parsed.Quotations.Count,
        }, cancellationToken);
        var sections = new List<Section[]>();
        var paragraphs = new List<Paragraph[][]>();
        var sectionPosition = 0;
        for (var a = 0; a < parsed.Articles.Count; a++)
        {
            var parsedArticle = parsed.Articles[a];
            var article = new Article
            {
                DocumentId = documentId, Position = a, Title = parsedArticle.Title, Source = parsedArticle.Source, Author = parsedArticle.Author,
                CharCount = parsedArticle.Sections.SelectMany(s => s.Paragraphs).Sum(p => ReadingTime.CountCharacters(p.Text)),
                Fingerprint = Importer.ArticleFingerprint.Of(parsedArticle),
            };
            await writer.AddAsync(article, cancellationToken);
            var articleSections = new Section[parsedArticle.Sections.Count];
            var articleParagraphs = new Paragraph[parsedArticle.Sections.Count][];
            for (var s = 0; s < parsedArticle.Sections.Count; s++)
            {
                var parsedSection = parsedArticle.Sections[s];
                var section = articleSections[s] = new Section
                {
                    Key = keys[sectionPosition], DocumentId = documentId, ArticleId = article.Id, Position = sectionPosition, Heading = parsedSection.Heading,
                    Level = parsedSection.Level, CharCount = parsedSection.Paragraphs.Sum(p => ReadingTime.CountCharacters(p.Text)), FirstLine = parsedSection.Line,
                };
                sectionPosition++;
                await writer.AddAsync(section, cancellationToken);
                articleParagraphs[s] = new Paragraph[parsedSection.Paragraphs.Count];
                for (var p = 0; p < parsedSection.Paragraphs.Count; p++)
                {
                    var parsedParagraph = parsedSection.Paragraphs[p];
                    var paragraph = articleParagraphs[s][p] = new Paragraph
                    {
                        SectionId = section.Id, Position = p, Text = parsedParagraph.Text, Markdown = parsedParagraph.Markdown, Kind = parsedParagraph.Kind,
                        FirstLine = parsedParagraph.FirstLine, LastLine = parsedParagraph.LastLine,
                    };
                    await writer.AddAsync(paragraph, cancellationToken);
                }
            }
            sections.Add(articleSections);
            paragraphs.Add(articleParagraphs);
        }
        for (var q = 0; q < parsed.Quotations.Count; q++)
        {
            var quotation = parsed.Quotations[q];
            await writer.AddAsync(new Quotation
            {
                DocumentId = documentId, SectionId = sections[quotation.Article][quotation.Section].Id,
                ParagraphId = paragraphs[quotation.Article][quotation.Section][quotation.Paragraph].Id, Position = q, Text = quotation.Text,
                Speaker = quotation.Speaker, Date = quotation.Date?.ToIso(), DateEnd = quotation.DateEnd?.ToIso(), Year = quotation.Date?.Year,
                Occasion = quotation.Occasion, Theme = quotation.Theme, Enumerator = quotation.Enumerator,
            }, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
        await Highlights.HighlightAnchors.ReanchorAsync(db, documentId, time, cancellationToken);
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

    private async Task<ImportOutcome> OutcomeAsync(ImportStatus status, int documentId, string title, CancellationToken cancellationToken)
    {
        var articles = await db.Articles.CountAsync(a => a.DocumentId == documentId, cancellationToken);
        var sections = await db.Sections.CountAsync(s => s.DocumentId == documentId, cancellationToken);
        var paragraphs = await db.Paragraphs.CountAsync(p => p.Section!.DocumentId == documentId, cancellationToken);
        var quotations = await db.Quotations.CountAsync(q => q.DocumentId == documentId, cancellationToken);
        return new ImportOutcome(status, documentId, title, articles, sections, paragraphs, quotations);
    }
}

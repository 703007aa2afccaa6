using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using StudyPortal.Data.Entities;
using StudyPortal.Importer.Model;

namespace StudyPortal.Data.Importing;

/// <summary>
/// Stores a parsed document in one transaction: it lands whole or not at all. The same bytes again change nothing;
/// a document with the same title is replaced, and its sections keep their keys where their text is unchanged.
/// </summary>
public sealed class DocumentStore(PortalDbContext db, TimeProvider time, ILogger<DocumentStore> logger)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string ContentHash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public async Task<ImportOutcome> StoreAsync(ParsedDocument parsed, byte[] original, string importedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(original);
        var hash = ContentHash(original);
        var same = await db.Documents.AsNoTracking().Where(d => d.ContentHash == hash).Select(d => new { d.Id, d.Title }).FirstOrDefaultAsync(cancellationToken);
        if (same is not null)
        {
            logger.LogInformation("Unchanged {Title}: the same content is already document {DocumentId}", same.Title, same.Id);
            return await OutcomeAsync(ImportStatus.Unchanged, same.Id, same.Title, cancellationToken);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var document = await db.Documents.FirstOrDefaultAsync(d => d.Title == parsed.Title, cancellationToken);
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
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();

            logger.LogInformation("{Status} {Title}: {Articles} articles, {Sections} sections, {Quotations} quotations",
                status, parsed.Title, parsed.Articles.Count, parsed.AllSections.Count(), parsed.Quotations.Count);
            return await OutcomeAsync(status, document.Id, document.Title, cancellationToken);
        });
    }

    /// <summary>Removes a document and everything that hangs off it, in one transaction.</summary>
    public async Task<bool> DeleteAsync(int documentId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await DeleteStructureAsync(documentId, cancellationToken);
        var deleted = await db.Documents.Where(d => d.Id == documentId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted > 0;
    }

    private async Task DeleteStructureAsync(int documentId, CancellationToken cancellationToken)
    {
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
        var occurrences = new Dictionary<string, int>();
        var sectionEntities = new List<List<Section>>();
        var paragraphEntities = new List<List<List<Paragraph>>>();
        var sectionPosition = 0;
        for (var a = 0; a < parsed.Articles.Count; a++)
        {
            var parsedArticle = parsed.Articles[a];
            var article = new Article
            {
                DocumentId = document.Id, Position = a, Title = parsedArticle.Title, Source = parsedArticle.Source, Author = parsedArticle.Author,
                CharCount = parsedArticle.Sections.SelectMany(s => s.Paragraphs).Sum(p => ReadingTime.CountCharacters(p.Text)),
            };
            db.Articles.Add(article);
            var sections = new List<Section>();
            var paragraphs = new List<List<Paragraph>>();
            foreach (var parsedSection in parsedArticle.Sections)
            {
                var identity = parsedSection.Heading.Length > 0 ? parsedSection.Heading : Opening(parsedSection);
                var baseKey = $"{parsedArticle.Title}\n{identity}";
                occurrences[baseKey] = occurrences.GetValueOrDefault(baseKey) + 1;
                var section = new Section
                {
                    Key = SectionKeys.For(parsed.Title, parsedArticle.Title, identity, occurrences[baseKey]),
                    DocumentId = document.Id, Article = article, Position = sectionPosition++, Heading = parsedSection.Heading,
                    Level = parsedSection.Level, FirstLine = parsedSection.Line,
                    CharCount = parsedSection.Paragraphs.Sum(p => ReadingTime.CountCharacters(p.Text)),
                };
                var sectionParagraphs = parsedSection.Paragraphs.Select((p, i) => new Paragraph
                {
                    Section = section, Position = i, Text = p.Text, Markdown = p.Markdown, Kind = p.Kind, FirstLine = p.FirstLine, LastLine = p.LastLine,
                }).ToList();
                section.Paragraphs = sectionParagraphs;
                sections.Add(section);
                paragraphs.Add(sectionParagraphs);
            }
            article.Sections = sections;
            sectionEntities.Add(sections);
            paragraphEntities.Add(paragraphs);
        }

        await ResolveKeyCollisionsAsync(sectionEntities.SelectMany(s => s).ToList(), document.Id, cancellationToken);

        for (var q = 0; q < parsed.Quotations.Count; q++)
        {
            var pq = parsed.Quotations[q];
            db.Quotations.Add(new Quotation
            {
                DocumentId = document.Id, Position = q, Section = sectionEntities[pq.Article][pq.Section],
                Paragraph = paragraphEntities[pq.Article][pq.Section][pq.Paragraph], Text = pq.Text, Speaker = pq.Speaker,
                Date = pq.Date?.ToIso(), DateEnd = pq.DateEnd?.ToIso(), Year = pq.Date?.Year, Occasion = pq.Occasion, Theme = pq.Theme,
            });
        }
    }

    /// <summary>Another document may hold a section with the same text and so the same key; the newcomer's key gets a suffix.</summary>
    private async Task ResolveKeyCollisionsAsync(List<Section> sections, int documentId, CancellationToken cancellationToken)
    {
        var keys = sections.Select(s => s.Key).ToList();
        var taken = (await db.Sections.AsNoTracking().Where(s => keys.Contains(s.Key) && s.DocumentId != documentId).Select(s => s.Key)
            .ToListAsync(cancellationToken)).ToHashSet();
        if (taken.Count == 0) return;
        foreach (var section in sections.Where(s => taken.Contains(s.Key)))
            section.Key = SectionKeys.For(documentId.ToString(System.Globalization.CultureInfo.InvariantCulture), section.Key, section.Heading, section.Position);
    }

    private static string Opening(Importer.Model.ParsedSection section) =>
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

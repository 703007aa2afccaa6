using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StudyPortal.Importer.Model;

namespace StudyPortal.Data.Importing;

/// <summary>
/// A stored document read back as the importer's tree (<see cref="ParsedDocument"/>), with each section's key in
/// document order: what readers see, in the shape `parse --json` gives, for integrations and tests.
/// </summary>
public static class StoredTree
{
    public sealed record Stored(ParsedDocument Document, IReadOnlyList<string> SectionKeys);

    public static async Task<Stored?> LoadAsync(PortalDbContext db, int documentId, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking().Where(d => d.Id == documentId)
            .Select(d => new { d.FileName, d.Encoding, d.Title, d.Subtitle, d.Series, d.Issuer, d.Date, d.DiagnosticsJson, d.DroppedJson })
            .FirstOrDefaultAsync(cancellationToken);
        if (document is null) return null;
        var articles = await db.Articles.AsNoTracking().Where(a => a.DocumentId == documentId).OrderBy(a => a.Position)
            .Select(a => new { a.Id, a.Title, a.Source, a.Author }).ToListAsync(cancellationToken);
        var sections = await db.Sections.AsNoTracking().Where(s => s.DocumentId == documentId).OrderBy(s => s.Position)
            .Select(s => new { s.Id, s.ArticleId, s.Key, s.Heading, s.Level, s.FirstLine }).ToListAsync(cancellationToken);
        var paragraphs = (await db.Paragraphs.AsNoTracking().Where(p => p.Section!.DocumentId == documentId)
                .Select(p => new { p.Id, p.SectionId, p.Position, p.Text, p.Markdown, p.Kind, p.FirstLine, p.LastLine }).ToListAsync(cancellationToken))
            .GroupBy(p => p.SectionId).ToDictionary(g => g.Key, g => g.OrderBy(p => p.Position).ToList());
        var quotations = await db.Quotations.AsNoTracking().Where(q => q.DocumentId == documentId).OrderBy(q => q.Position)
            .Select(q => new { q.SectionId, q.ParagraphId, q.Text, q.Speaker, q.Date, q.DateEnd, q.Occasion, q.Theme, q.Enumerator }).ToListAsync(cancellationToken);

        var place = new Dictionary<int, (int Article, int Section)>();
        var parsedArticles = new List<ParsedArticle>();
        for (var a = 0; a < articles.Count; a++)
        {
            var parsedSections = new List<ParsedSection>();
            foreach (var s in sections.Where(s => s.ArticleId == articles[a].Id))
            {
                place[s.Id] = (a, parsedSections.Count);
                var texts = paragraphs.GetValueOrDefault(s.Id) ?? [];
                parsedSections.Add(new ParsedSection(s.Heading, s.Level, texts.Select(p => new ParsedParagraph(p.Text, p.Markdown, p.Kind, p.FirstLine, p.LastLine)).ToList(), s.FirstLine));
            }
            parsedArticles.Add(new ParsedArticle(articles[a].Title, articles[a].Source, articles[a].Author, parsedSections));
        }
        var paragraphIndex = paragraphs.Values.SelectMany(list => list.Select((p, i) => (p.Id, i))).ToDictionary(x => x.Id, x => x.i);
        var parsedQuotations = quotations.Where(q => place.ContainsKey(q.SectionId)).Select(q => new ParsedQuotation(q.Text, q.Speaker,
            PartialDate.FromIso(q.Date), PartialDate.FromIso(q.DateEnd), q.Occasion, q.Theme, place[q.SectionId].Article, place[q.SectionId].Section,
            paragraphIndex.GetValueOrDefault(q.ParagraphId)) { Enumerator = q.Enumerator }).ToList();

        var parsed = new ParsedDocument(document.FileName, document.Encoding, document.Title, document.Subtitle, document.Series, document.Issuer,
            PartialDate.FromIso(document.Date), parsedArticles, parsedQuotations,
            JsonSerializer.Deserialize<List<DroppedBlock>>(document.DroppedJson) ?? [], JsonSerializer.Deserialize<List<Diagnostic>>(document.DiagnosticsJson) ?? []);
        // Sections in the order readers meet them: article by article, as positions run.
        return new Stored(parsed, parsedArticles.SelectMany((_, a) => sections.Where(s => s.ArticleId == articles[a].Id).Select(s => s.Key)).ToList());
    }
}

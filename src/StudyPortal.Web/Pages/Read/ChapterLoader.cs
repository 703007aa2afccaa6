using StudyPortal.Data.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using StudyPortal.Data;

namespace StudyPortal.Web.Pages.Read;

/// <summary>
/// Loads chapters and document outlines. Sections change only when a document is imported, so both are cached
/// in memory and the cache entry names the library version: an import bumps it and the old entries are never read again.
/// </summary>
public sealed class ChapterLoader(PortalDbContext db, IMemoryCache cache, LibraryVersion version)
{
    private static readonly MemoryCacheEntryOptions Entry = new() { SlidingExpiration = TimeSpan.FromMinutes(30), Size = 1 };

    public async Task<Chapter?> LoadAsync(string key, CancellationToken cancellationToken)
    {
        if (key.Length > Section.KeyMaxLength) return null;
        var cacheKey = $"chapter:{version.Current}:{key}";
        if (cache.TryGetValue(cacheKey, out Chapter? cached)) return cached;

        var section = await db.Sections.AsNoTracking().Where(s => s.Key == key).Select(s => new
        {
            s.Id, s.Key, s.Heading, s.Level, s.Position, s.CharCount, s.DocumentId, DocumentTitle = s.Document!.Title, DocumentDate = s.Document.Date,
            s.ArticleId, ArticlePosition = s.Article!.Position, ArticleTitle = s.Article.Title, s.Article.Source, s.Article.Author,
        }).FirstOrDefaultAsync(cancellationToken);
        if (section is null) return null;

        var paragraphs = await db.Paragraphs.AsNoTracking().Where(p => p.SectionId == section.Id).OrderBy(p => p.Position)
            .Select(p => new { p.Id, p.Position, p.Text, p.Markdown, p.Kind }).ToListAsync(cancellationToken);
        var quotations = (await db.Quotations.AsNoTracking().Where(q => q.SectionId == section.Id).OrderBy(q => q.Position)
            .Select(q => new { q.ParagraphId, Quotation = new ChapterQuotation(q.Id, q.Text, q.Speaker, q.Date, q.DateEnd, q.Occasion) })
            .ToListAsync(cancellationToken)).ToLookup(q => q.ParagraphId, q => q.Quotation);
        var outline = await OutlineAsync(section.DocumentId, cancellationToken);

        var chapter = new Chapter(section.Key, section.Heading, section.Level, section.Position, section.CharCount, section.DocumentId,
            section.DocumentTitle, section.DocumentDate, section.ArticleId, section.ArticlePosition, section.ArticleTitle, section.Source, section.Author,
            paragraphs.Select(p => new ChapterParagraph(p.Id, p.Position, p.Text, p.Markdown, p.Kind, quotations[p.Id].ToList())).ToList(),
            outline!);
        cache.Set(cacheKey, chapter, Entry);
        return chapter;
    }

    public async Task<DocumentOutline?> OutlineAsync(int documentId, CancellationToken cancellationToken)
    {
        var cacheKey = $"outline:{version.Current}:{documentId}";
        if (cache.TryGetValue(cacheKey, out DocumentOutline? cached)) return cached;
        var title = await db.Documents.AsNoTracking().Where(d => d.Id == documentId).Select(d => d.Title).FirstOrDefaultAsync(cancellationToken);
        if (title is null) return null;
        var rows = await db.Sections.AsNoTracking().Where(s => s.DocumentId == documentId).OrderBy(s => s.Position)
            .Select(s => new { s.Key, s.Heading, s.Level, ArticlePosition = s.Article!.Position, ArticleTitle = s.Article.Title, s.CharCount })
            .ToListAsync(cancellationToken);
        var perArticle = rows.CountBy(r => r.ArticlePosition).ToDictionary();
        var sections = rows.Select(r => new OutlineEntry(r.Key, r.Heading, r.Level, r.ArticlePosition, r.ArticleTitle, r.CharCount, perArticle[r.ArticlePosition] == 1)).ToList();
        var outline = new DocumentOutline(documentId, title, sections);
        cache.Set(cacheKey, outline, Entry);
        return outline;
    }
}

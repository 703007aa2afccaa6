using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StudyPortal.Data;
using StudyPortal.Web.Infrastructure;

namespace StudyPortal.Web.Pages.Documents;

/// <summary>
/// A document's table of contents (目录): its articles with source and author, and each article's sections. Shared by
/// every reader (<see cref="LibraryPageCache"/>): a signed-in reader's 已读/在读 marks come from /api/documents/{id}/progress.
/// </summary>
[OutputCache(PolicyName = LibraryPageCache.Policy)]
public sealed class IndexModel(PortalDbContext db, IOptions<ReadingOptions> reading, ArticleTwins twins) : PageModel
{
    /// <summary>Articles of this document that other documents also contain, by article id.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<ArticleTwins.Twin>> Twins { get; private set; } = new Dictionary<int, IReadOnlyList<ArticleTwins.Twin>>();

    public DocumentView Document { get; private set; } = null!;
    public int CharactersPerMinute => reading.Value.CharactersPerMinute;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking().Where(d => d.Id == id)
            .Select(d => new DocumentView(d.Id, d.Title, d.Subtitle, d.Series, d.Issuer, d.Date, d.CharCount,
                d.Articles.OrderBy(a => a.Position).Select(a => new ArticleView(a.Id, a.Position, a.Title, a.Source, a.Author, a.CharCount,
                    a.Sections.OrderBy(s => s.Position).Select(s => new SectionView(s.Key, s.Heading, s.Level, s.CharCount)).ToList())).ToList()))
            .FirstOrDefaultAsync(cancellationToken);
        if (document is null) return NotFound();
        Document = document;
        Twins = await twins.ForDocumentAsync(id, cancellationToken);
        return Page();
    }

    public sealed record DocumentView(int Id, string Title, string? Subtitle, string? Series, string? Issuer, string? Date, int CharCount, IReadOnlyList<ArticleView> Articles);

    public sealed record ArticleView(int Id, int Position, string Title, string? Source, string? Author, int CharCount, IReadOnlyList<SectionView> Sections);

    public sealed record SectionView(string Key, string Heading, int Level, int CharCount);
}

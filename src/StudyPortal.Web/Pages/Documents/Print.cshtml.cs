using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StudyPortal.Data;
using StudyPortal.Web.Pages.Read;

namespace StudyPortal.Web.Pages.Documents;

/// <summary>A whole article laid out for paper: every section, no navigation.</summary>
public sealed class PrintModel(PortalDbContext db, ChapterLoader loader) : PageModel
{
    public string DocumentTitle { get; private set; } = "";
    public string ArticleTitle { get; private set; } = "";
    public string? Source { get; private set; }
    public string? Author { get; private set; }
    public IReadOnlyList<Chapter> Chapters { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int articleId, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == articleId && a.DocumentId == id)
            .Select(a => new { a.Title, a.Source, a.Author, DocumentTitle = a.Document!.Title, Keys = a.Sections.OrderBy(s => s.Position).Select(s => s.Key).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        if (article is null) return NotFound();
        (DocumentTitle, ArticleTitle, Source, Author) = (article.DocumentTitle, article.Title, article.Source, article.Author);
        var chapters = new List<Chapter>();
        foreach (var key in article.Keys)
            if (await loader.LoadAsync(key, cancellationToken) is { } chapter) chapters.Add(chapter);
        Chapters = chapters;
        return Page();
    }
}

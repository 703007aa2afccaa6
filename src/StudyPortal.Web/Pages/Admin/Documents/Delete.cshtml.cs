using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StudyPortal.Data;
using StudyPortal.Data.Importing;
using StudyPortal.Web.Infrastructure.Accounts;

namespace StudyPortal.Web.Pages.Admin.Documents;

/// <summary>Asks before deleting, and says what goes with the document: its structure, quotations and readers' progress.</summary>
public sealed class DeleteModel(PortalDbContext db, DocumentStore store, AuditLog audit) : PageModel
{
    public string Title { get; private set; } = "";
    public int Articles { get; private set; }
    public int Sections { get; private set; }
    public int Quotations { get; private set; }
    public int Readers { get; private set; }
    public int Assignments { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking().Where(d => d.Id == id)
            .Select(d => new { d.Title, Articles = d.Articles.Count, Sections = d.Sections.Count, Quotations = d.Quotations.Count }).FirstOrDefaultAsync(cancellationToken);
        if (document is null) return NotFound();
        (Title, Articles, Sections, Quotations) = (document.Title, document.Articles, document.Sections, document.Quotations);
        var keys = db.Sections.Where(s => s.DocumentId == id).Select(s => s.Key);
        Readers = await db.ReadingProgress.Where(p => keys.Contains(p.SectionKey)).Select(p => p.UserId).Distinct().CountAsync(cancellationToken);
        Assignments = await db.AssignmentSections.Where(s => keys.Contains(s.SectionKey)).Select(s => s.AssignmentId).Distinct().CountAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var title = await db.Documents.Where(d => d.Id == id).Select(d => d.Title).FirstOrDefaultAsync(cancellationToken);
        if (title is null) return NotFound();
        await store.DeleteAsync(id, cancellationToken);
        await audit.WriteAsync(User, "delete", title, null, cancellationToken);
        TempData["Message"] = $"✓ {title}";
        return RedirectToPage("/Admin/Documents/Index");
    }
}

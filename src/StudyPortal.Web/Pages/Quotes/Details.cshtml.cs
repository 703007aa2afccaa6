using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StudyPortal.Data;
using StudyPortal.Web.Infrastructure;

namespace StudyPortal.Web.Pages.Quotes;

/// <summary>One quotation's own page: the passage, its attribution and where it stands in the library.</summary>
[OutputCache(PolicyName = LibraryPageCache.Policy)]
public sealed class DetailsModel(PortalDbContext db) : PageModel
{
    public QuotationCard Quotation { get; private set; } = null!;
    public int ParagraphPosition { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var quotation = await db.Quotations.AsNoTracking().Where(q => q.Id == id).ToCards().FirstOrDefaultAsync(cancellationToken);
        if (quotation is null) return NotFound();
        Quotation = quotation;
        ParagraphPosition = await db.Quotations.Where(q => q.Id == id).Select(q => q.Paragraph!.Position).FirstAsync(cancellationToken);
        return Page();
    }
}

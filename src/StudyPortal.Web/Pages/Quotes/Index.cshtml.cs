using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StudyPortal.Data;
using StudyPortal.Web.Infrastructure;

namespace StudyPortal.Web.Pages.Quotes;

/// <summary>All quotations (金句), grouped by theme, by year or by occasion, each with the section it came from.</summary>
public sealed class IndexModel(PortalDbContext db, QuotationOfTheDay quotationOfTheDay) : PageModel
{
    public static readonly string[] Groupings = ["theme", "year", "occasion"];

    [BindProperty(SupportsGet = true)]
    public string? By { get; set; }

    public string Grouping => By is { } b && Groupings.Contains(b) ? b : "theme";
    public IReadOnlyList<IGrouping<string, QuotationCard>> Groups { get; private set; } = [];
    public QuotationCard? Today { get; private set; }
    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var all = await db.Quotations.AsNoTracking().OrderBy(q => q.DocumentId).ThenBy(q => q.Position).ToCards().ToListAsync(cancellationToken);
        Total = all.Count;
        var none = "—";
        Groups = Grouping switch
        {
            "year" => all.OrderByDescending(q => q.Date).GroupBy(q => q.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? none).ToList(),
            "occasion" => all.GroupBy(q => q.Occasion ?? none).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList(),
            _ => all.GroupBy(q => q.Theme ?? none).ToList(),
        };
        Today = await quotationOfTheDay.PickAsync(cancellationToken);
    }
}

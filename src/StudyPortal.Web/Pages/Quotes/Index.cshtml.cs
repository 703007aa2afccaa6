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

    /// <summary>Finds quotations whose text or occasion contains this.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Speaker { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public IReadOnlyList<string> Speakers { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public bool Filtered => !string.IsNullOrWhiteSpace(Text) || !string.IsNullOrEmpty(Speaker) || Year is not null;

    public string Grouping => By is { } b && Groupings.Contains(b) ? b : "theme";
    public IReadOnlyList<IGrouping<string, QuotationCard>> Groups { get; private set; } = [];
    public QuotationCard? Today { get; private set; }
    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var all = await db.Quotations.AsNoTracking().OrderBy(q => q.DocumentId).ThenBy(q => q.Position).ToCards().ToListAsync(cancellationToken);
        Speakers = all.Where(q => q.Speaker is not null).Select(q => q.Speaker!).Distinct().Order(StringComparer.Ordinal).ToList();
        Years = all.Where(q => q.Year is not null).Select(q => q.Year!.Value).Distinct().OrderDescending().ToList();
        // The collection is small (hundreds), so quotation search filters in memory, case-insensitively for Latin.
        var text = Data.Search.SearchQuery.Normalize(Text ?? "");
        if (text.Length > 0)
            all = all.Where(q => q.Text.Contains(text, StringComparison.OrdinalIgnoreCase) || (q.Occasion ?? "").Contains(text, StringComparison.OrdinalIgnoreCase)).ToList();
        if (!string.IsNullOrEmpty(Speaker)) all = all.Where(q => q.Speaker == Speaker).ToList();
        if (Year is not null) all = all.Where(q => q.Year == Year).ToList();
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

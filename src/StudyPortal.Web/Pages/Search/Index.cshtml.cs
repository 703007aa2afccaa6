using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StudyPortal.Data.Search;

namespace StudyPortal.Web.Pages.Search;

/// <summary>
/// Search results (/search?q=…): sections with highlighted snippets, filters with counts, pages. Nothing in them is
/// personal, so a query's page is shared by every reader who asks it (<see cref="Infrastructure.LibraryPageCache"/>,
/// per query string and library version); the rate limit still counts every request, served from the cache or not.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.RateLimits.Search)]
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Infrastructure.LibraryPageCache.Policy)]
public sealed class IndexModel(ISearchIndex index) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "document")]
    public int? DocumentId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Series { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public SearchResults? Results { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Query)) return;
        Results = await index.SearchAsync(ToRequest(), cancellationToken);
    }

    public SearchRequest ToRequest() => new(Query, DocumentId, Series, Kind, From, To, Math.Clamp(PageNumber, 1, 10_000));

    /// <summary>The current search's address with some parameters changed (null removes one).</summary>
    public string Link(params (string Name, object? Value)[] changes)
    {
        var values = new Dictionary<string, object?>
        {
            ["q"] = Query, ["document"] = DocumentId, ["series"] = Series, ["kind"] = Kind, ["from"] = From, ["to"] = To,
        };
        foreach (var (name, value) in changes) values[name] = value;
        var query = string.Join("&", values.Where(v => v.Value is not null && v.Value.ToString() != "")
            .Select(v => $"{v.Key}={Uri.EscapeDataString(Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture)!)}"));
        return "/search?" + query;
    }
}

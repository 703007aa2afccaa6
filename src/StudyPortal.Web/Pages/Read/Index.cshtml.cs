using StudyPortal.Web.Infrastructure.Accounts;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using StudyPortal.Web.Infrastructure;

namespace StudyPortal.Web.Pages.Read;

/// <summary>The chapter reader (阅读): one section, its place in the document, previous and next.</summary>
[OutputCache(PolicyName = LibraryPageCache.Policy)]
public sealed class IndexModel(ChapterLoader loader, IOptions<ReadingOptions> reading, ReadingProgressRecorder progress) : PageModel
{
    public Chapter Chapter { get; private set; } = null!;

    /// <summary>The search that led here (?q=…): its terms are marked in the text.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Highlight { get; set; }

    public IReadOnlyList<string> HighlightTerms => Data.Search.SearchQuery.Parse(Highlight).Highlights.ToList();
    public int CharactersPerMinute => reading.Value.CharactersPerMinute;

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        var chapter = await loader.LoadAsync(key, cancellationToken);
        if (chapter is null) return NotFound();
        Chapter = chapter;
        return Page();
    }

    /// <summary>
    /// The reader's script reports the paragraph in view, whether the page was just opened, and whether the end was
    /// reached (signed-in readers only: 401 otherwise). 204 when recorded as reported; 202 with how many seconds are
    /// left when the end came sooner than the section can plausibly be read (the script asks again then).
    /// </summary>
    public async Task<IActionResult> OnPostProgressAsync(string key, int paragraph, bool opened, bool completed, CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        if (userId is null) return Unauthorized();
        var recorded = await progress.RecordAsync(userId, key, paragraph, opened, completed, cancellationToken);
        if (recorded is null) return NotFound();
        return recorded.WaitSeconds > 0 ? new AcceptedResult((string?)null, new { completed = false, waitSeconds = recorded.WaitSeconds }) : new NoContentResult();
    }
}

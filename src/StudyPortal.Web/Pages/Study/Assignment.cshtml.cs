using StudyPortal.Web.Infrastructure.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using StudyPortal.Data;
using StudyPortal.Data.Groups;
using StudyPortal.Data.Highlights;
using StudyPortal.Web.Infrastructure.Groups;

namespace StudyPortal.Web.Pages.Study;

/// <summary>
/// One assignment for a member: the leader's message, the sections with what is read, and the check-in (打卡) with a
/// reflection once every section has been read to the end. The reflection can be edited until the due date is over.
/// </summary>
public sealed class AssignmentModel(PortalDbContext db, StudyPlans plans, StudyClock clock, NoticeBoard notices, IStringLocalizer<SharedResource> t) : PageModel
{
    public Assignment Assignment { get; private set; } = null!;
    public IReadOnlyList<StudyPlans.SectionState> Sections { get; private set; } = [];
    public CheckIn? CheckIn { get; private set; }
    public bool CanCheckIn => StudyPlans.CanCheckIn(Sections);
    public bool CanEdit => !clock.IsOverdue(Assignment.DueDate);
    public StudyStatus Status { get; private set; }
    public StudyClock Clock => clock;
    public string? Error { get; private set; }
    /// <summary>The member's highlights in the assigned sections: what a check-in can attach.</summary>
    public IReadOnlyList<Highlight> Marked { get; private set; } = [];
    /// <summary>The highlights ticked in the form (the stored ones until a post says otherwise).</summary>
    public IReadOnlySet<long> Ticked { get; private set; } = new HashSet<long>();
    /// <summary>A refused reflection, shown again in the form so nothing typed is lost.</summary>
    public string? PostedReflection { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        await notices.MarkReadAsync(User.RequiredUserId(), id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string? reflection, List<long>? passages, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var chosen = (passages ?? []).Distinct().ToList();
        Ticked = chosen.ToHashSet();
        PostedReflection = reflection;
        if ((reflection?.Length ?? 0) > CheckIn.ReflectionMaxLength) return Fail(t["Study.TooLong"]);
        if (!CanCheckIn) return Fail(t["Study.ReadFirst"]);
        var text = string.IsNullOrWhiteSpace(reflection) ? null : reflection.Trim();
        if (CheckIn.Length(text) < Assignment.MinimumReflectionLength) return Fail(t["Study.TooShort", Assignment.MinimumReflectionLength, CheckIn.Length(text)]);
        // Only one's own highlights in the assigned sections: another member's id, or a passage elsewhere, is refused.
        var attached = chosen.Select(h => Marked.FirstOrDefault(m => m.Id == h)).ToList();
        if (attached.Any(h => h is null)) return Fail(t["Study.PassageInvalid"]);
        if (attached.Count < Assignment.RequiredPassages) return Fail(t["Study.PassagesNeeded", Assignment.RequiredPassages]);
        var created = false;
        if (CheckIn is null)
        {
            var first = new CheckIn { AssignmentId = id, UserId = User.RequiredUserId(), Reflection = text, CheckedInAtUtc = clock.UtcNow, UpdatedAtUtc = clock.UtcNow };
            // The same check-in sent twice at once: one request creates it, and both then store their passages on it.
            created = await db.InsertIfAbsentAsync(first, cancellationToken);
            CheckIn = await db.CheckIns.Include(c => c.Passages).FirstAsync(c => c.AssignmentId == id && c.UserId == first.UserId, cancellationToken);
        }
        else if (!CanEdit) return Fail(t["Study.PastDue"]);
        CheckIn.Reflection = text;
        CheckIn.UpdatedAtUtc = clock.UtcNow;
        db.CheckInPassages.RemoveRange(CheckIn.Passages);
        CheckIn.Passages = attached.Select((h, i) => new CheckInPassage
        {
            HighlightId = h!.Id, Position = i, SectionKey = h.SectionKey, Paragraph = h.Paragraph, Exact = h.Exact, Note = h.Note,
        }).ToList();
        await db.SaveChangesAsync(cancellationToken);
        if (created) await notices.CheckedInAsync(id, cancellationToken);
        return RedirectToPage("/Study/Assignment", new { id });
    }

    private PageResult Fail(string message)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Someone else's assignment or an unknown id: not found, the same answer for both.</summary>
    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var userId = User.RequiredUserId();
        var assignment = await plans.MemberAssignmentAsync(userId, id, cancellationToken);
        if (assignment is null) return false;
        Assignment = assignment;
        Sections = await plans.SectionsAsync(userId, assignment, cancellationToken);
        CheckIn = await db.CheckIns.Include(c => c.Passages.OrderBy(p => p.Position)).FirstOrDefaultAsync(c => c.AssignmentId == id && c.UserId == userId, cancellationToken);
        var keys = assignment.Sections.Select(s => s.SectionKey).ToList();
        Marked = await db.Highlights.AsNoTracking()
            .Where(h => h.UserId == userId && keys.Contains(h.SectionKey) && h.OrphanedAtUtc == null)
            .OrderBy(h => h.SectionKey).ThenBy(h => h.Paragraph).ThenBy(h => h.Start).ToListAsync(cancellationToken);
        Marked = Marked.OrderBy(h => keys.IndexOf(h.SectionKey)).ThenBy(h => h.Paragraph).ThenBy(h => h.Start).ToList();
        Ticked = CheckIn?.Passages.Where(p => p.HighlightId is not null).Select(p => p.HighlightId!.Value).ToHashSet() ?? [];
        Status = plans.Status(assignment.DueDate, CheckIn is not null, Sections.Count(s => s.Opened));
        return true;
    }
}

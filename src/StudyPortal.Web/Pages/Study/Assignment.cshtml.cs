using StudyPortal.Web.Infrastructure.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using StudyPortal.Data;
using StudyPortal.Data.Groups;
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

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        await notices.MarkReadAsync(User.RequiredUserId(), id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string? reflection, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if ((reflection?.Length ?? 0) > CheckIn.ReflectionMaxLength) return Fail(t["Study.TooLong"]);
        if (!CanCheckIn) return Fail(t["Study.ReadFirst"]);
        var text = string.IsNullOrWhiteSpace(reflection) ? null : reflection.Trim();
        if (CheckIn is null)
        {
            var first = new CheckIn { AssignmentId = id, UserId = User.RequiredUserId(), Reflection = text, CheckedInAtUtc = clock.UtcNow, UpdatedAtUtc = clock.UtcNow };
            if (await db.InsertIfAbsentAsync(first, cancellationToken)) return RedirectToPage("/Study/Assignment", new { id });
            // The same check-in sent twice at once: the other request created it; this one is an edit of it.
            CheckIn = await db.CheckIns.FirstAsync(c => c.AssignmentId == id && c.UserId == first.UserId, cancellationToken);
        }
        if (!CanEdit) return Fail(t["Study.PastDue"]);
        CheckIn.Reflection = text;
        CheckIn.UpdatedAtUtc = clock.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
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
        CheckIn = await db.CheckIns.FirstOrDefaultAsync(c => c.AssignmentId == id && c.UserId == userId, cancellationToken);
        Status = plans.Status(assignment.DueDate, CheckIn is not null, Sections.Count(s => s.Opened));
        return true;
    }
}

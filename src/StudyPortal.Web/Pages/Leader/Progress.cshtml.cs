using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using StudyPortal.Data;
using StudyPortal.Data.Groups;
using StudyPortal.Web.Infrastructure;
using StudyPortal.Web.Infrastructure.Groups;

namespace StudyPortal.Web.Pages.Leader;

/// <summary>
/// Members × assignments (done, in progress, not started, overdue) with totals, each member's reflections with the
/// leader's comments, sorting, an overdue-only filter, and the record as CSV or Excel.
/// </summary>
public sealed class ProgressModel(PortalDbContext db, StudyPlans plans, StudyClock clock, NoticeBoard notices, IStringLocalizer<SharedResource> t) : PageModel
{
    public StudyPlans.Matrix Matrix { get; private set; } = null!;
    public IReadOnlyList<StudyPlans.Member> Rows { get; private set; } = [];
    public StudyClock Clock => clock;
    /// <summary>Reflections that are near-copies of another member's in the same assignment (for the leader's eyes only).</summary>
    public IReadOnlyDictionary<int, ReflectionTwins.Twin> Twins { get; private set; } = new Dictionary<int, ReflectionTwins.Twin>();

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    /// <summary>name (default), done (most done first) or behind (fewest done first).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    public string StatusName(StudyStatus status) => t["Status." + status];

    /// <summary>Reading time in whole minutes, at least 1 once any time was spent.</summary>
    public static int Minutes(int seconds) => seconds <= 0 ? 0 : Math.Max(1, (int)Math.Round(seconds / 60.0));

    public int Done(string userId) => Matrix.Assignments.Count(a => Matrix.Cells[(userId, a.Id)].Status == StudyStatus.Done);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var members = Matrix.Members.Where(m => !m.IsLeader);
        if (Overdue) members = members.Where(m => Matrix.Assignments.Any(a => Matrix.Cells[(m.UserId, a.Id)].Status == StudyStatus.Overdue));
        Rows = Sort switch
        {
            "done" => members.OrderByDescending(m => Done(m.UserId)).ThenBy(m => m.UserName).ToList(),
            "behind" => members.OrderBy(m => Done(m.UserId)).ThenBy(m => m.UserName).ToList(),
            _ => members.OrderBy(m => m.DisplayName, StringComparer.Create(new System.Globalization.CultureInfo("zh-CN"), false)).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        return File(GroupRecord.Csv(GroupRecord.Rows(Matrix, clock, StatusName)), "text/csv; charset=utf-8", $"{Matrix.Group.Name}-学习记录-{clock.Today:yyyyMMdd}.csv");
    }

    public async Task<IActionResult> OnGetXlsxAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        return File(GroupRecord.Xlsx(GroupRecord.Rows(Matrix, clock, StatusName), Matrix.Group.Name),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{Matrix.Group.Name}-学习记录-{clock.Today:yyyyMMdd}.xlsx");
    }

    /// <summary>The leader's comment on a reflection; the member gets a notice.</summary>
    public async Task<IActionResult> OnPostCommentAsync(int id, int checkInId, string? comment, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var checkIn = await db.CheckIns.Include(c => c.Assignment).FirstOrDefaultAsync(c => c.Id == checkInId && c.Assignment!.GroupId == id, cancellationToken);
        if (checkIn is null) return NotFound();
        if ((comment?.Length ?? 0) > CheckIn.LeaderCommentMaxLength)
        {
            TempData[Flash.Key] = t["Progress.CommentTooLong"].Value;
            return RedirectToPage("/Leader/Progress", null, new { id }, $"checkin-{checkInId}");
        }
        checkIn.LeaderComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        checkIn.CommentedBy = User.Identity!.Name;
        checkIn.CommentedAtUtc = clock.UtcNow;
        if (checkIn.LeaderComment is not null)
            await notices.AddAsync([checkIn.UserId], NoticeBoard.Comment, checkIn.AssignmentId, t["Notice.Comment", checkIn.Assignment!.Title], Url.Page("/Study/Assignment", new { id = checkIn.AssignmentId })!, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        TempData[Flash.Key] = t[checkIn.LeaderComment is null ? "Progress.CommentRemoved" : "Progress.CommentSaved"].Value;
        return RedirectToPage("/Leader/Progress", null, new { id }, $"checkin-{checkInId}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var group = await plans.LedGroupAsync(User, id, cancellationToken);
        if (group is null) return false;
        Matrix = await plans.MatrixAsync(group, cancellationToken);
        Twins = ReflectionTwins.Find(Matrix.Cells.Values.Where(c => c.CheckIn is not null).Select(c => c.CheckIn!));
        return true;
    }
}

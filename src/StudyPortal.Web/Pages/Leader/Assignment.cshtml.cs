using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using StudyPortal.Data;
using StudyPortal.Data.Groups;
using StudyPortal.Web.Infrastructure;
using StudyPortal.Web.Infrastructure.Groups;

namespace StudyPortal.Web.Pages.Leader;

/// <summary>Edit an assignment's title, due date and message, or withdraw it (its check-ins go with it).</summary>
public sealed class AssignmentModel(PortalDbContext db, StudyPlans plans, StudyClock clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public Assignment Assignment { get; private set; } = null!;
    public IReadOnlyDictionary<string, bool> Exists { get; private set; } = new Dictionary<string, bool>();
    public int CheckIns { get; private set; }
    public string? Error { get; private set; }
    public DateOnly LatestDueDate => clock.LatestDueDate;
    public string GroupName { get; private set; } = "";

    /// <summary>?withdraw=true: the page asks whether to withdraw (it works without JavaScript).</summary>
    [BindProperty(SupportsGet = true, Name = "withdraw")]
    public bool AskWithdraw { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>Saves the title, due date and message, and the check-in rules when the form sends them (they apply to check-ins from now on).</summary>
    public async Task<IActionResult> OnPostSaveAsync(int id, string? title, DateOnly? dueDate, string? message, int? minimumReflectionLength, int? requiredPassages,
        CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (StudyPlans.RulesProblem(minimumReflectionLength, requiredPassages, t) is { } rulesError)
        {
            Error = rulesError;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (string.IsNullOrWhiteSpace(title) || title.Length > Assignment.TitleMaxLength || dueDate is null || (message?.Length ?? 0) > Assignment.MessageMaxLength)
        {
            Error = t["Assign.Invalid"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (dueDate.Value != Assignment.DueDate && !clock.IsAllowedDueDate(dueDate.Value))
        {
            Error = t["Assign.BadDueDate", clock.LatestDueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Assignment.Title = title.Trim();
        Assignment.DueDate = dueDate.Value;
        Assignment.Message = string.IsNullOrWhiteSpace(message) ? null : message.Trim();
        Assignment.MinimumReflectionLength = minimumReflectionLength ?? Assignment.MinimumReflectionLength;
        Assignment.RequiredPassages = requiredPassages ?? Assignment.RequiredPassages;
        await db.SaveChangesAsync(cancellationToken);
        TempData[Flash.Key] = t["Assign.Saved", Assignment.Title].Value;
        return RedirectToPage("/Leader/Progress", new { id = Assignment.GroupId });
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, bool confirmed, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (!confirmed)
        {
            AskWithdraw = true;
            return Page();
        }
        await db.Notices.Where(n => n.SubjectId == id && (n.Kind == NoticeBoard.NewAssignment || n.Kind == NoticeBoard.DueSoon || n.Kind == NoticeBoard.Comment)).ExecuteDeleteAsync(cancellationToken);
        db.Assignments.Remove(Assignment);
        await db.SaveChangesAsync(cancellationToken);
        TempData[Flash.Key] = t["Assign.Withdrawn", Assignment.Title].Value;
        return RedirectToPage("/Leader/Group", new { id = Assignment.GroupId });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var assignment = await plans.LedAssignmentAsync(User, id, cancellationToken);
        if (assignment is null) return false;
        Assignment = assignment;
        GroupName = await db.StudyGroups.Where(g => g.Id == assignment.GroupId).Select(g => g.Name).FirstAsync(cancellationToken);
        var keys = assignment.Sections.Select(s => s.SectionKey).ToList();
        var existing = await db.Sections.Where(s => keys.Contains(s.Key)).Select(s => s.Key).ToListAsync(cancellationToken);
        Exists = keys.ToDictionary(k => k, existing.Contains);
        CheckIns = await db.CheckIns.CountAsync(c => c.AssignmentId == id, cancellationToken);
        return true;
    }
}

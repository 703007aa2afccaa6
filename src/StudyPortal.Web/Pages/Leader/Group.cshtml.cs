using StudyPortal.Web.Infrastructure.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using StudyPortal.Data;
using StudyPortal.Data.Accounts;
using StudyPortal.Data.Groups;
using StudyPortal.Web.Infrastructure;
using StudyPortal.Web.Infrastructure.Groups;

namespace StudyPortal.Web.Pages.Leader;

/// <summary>One group: its name, members (found by search or pasted as a list of user names), leaders, assignments.</summary>
public sealed class GroupModel(PortalDbContext db, StudyPlans plans, StudyClock clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public StudyGroup Group { get; private set; } = null!;
    public IReadOnlyList<StudyPlans.Member> Members { get; private set; } = [];
    public IReadOnlyList<Assignment> Assignments { get; private set; } = [];
    public IReadOnlyList<PortalUser> Found { get; private set; } = [];
    public IReadOnlyList<string> Messages { get; private set; } = [];
    public string? Error { get; private set; }

    /// <summary>The member whose removal is being asked about (?remove=userId).</summary>
    public StudyPlans.Member? RemoveCandidate { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Remove { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        RemoveCandidate = Members.FirstOrDefault(m => m.UserId == Remove);
        var q = Q?.Trim();
        if (!string.IsNullOrEmpty(q))
            Found = await db.Users.AsNoTracking().Where(u => !u.IsDisabled && (u.UserName!.Contains(q) || u.DisplayName.Contains(q)))
                .OrderBy(u => u.UserName).Take(20).ToListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRenameAsync(int id, string name, string? description, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (string.IsNullOrWhiteSpace(name) || name.Length > StudyGroup.NameMaxLength) return Fail(t["Groups.NameInvalid"]);
        Group.Name = name.Trim();
        Group.Description = string.IsNullOrWhiteSpace(description) ? null : UserText.Cut(description.Trim(), StudyGroup.DescriptionMaxLength);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Leader/Group", new { id });
    }

    /// <summary>Adds members by user name: one or many, separated by lines, commas or spaces. Unknown names are reported.</summary>
    public async Task<IActionResult> OnPostAddAsync(int id, string? userNames, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var names = (userNames ?? "").Split(['\n', '\r', ',', '，', ';', '；', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().Take(500).ToList();
        var upper = names.Select(n => n.ToUpperInvariant()).ToList();
        var users = await db.Users.Where(u => upper.Contains(u.NormalizedUserName!)).Select(u => new { u.Id, u.UserName }).ToListAsync(cancellationToken);
        var present = Members.Select(m => m.UserId).ToHashSet();
        var messages = new List<string>();
        foreach (var user in users.Where(u => !present.Contains(u.Id)))
            db.GroupMembers.Add(new GroupMember { GroupId = id, UserId = user.Id, AddedAtUtc = clock.UtcNow });
        await db.SaveChangesAsync(cancellationToken);
        messages.Add(t["Groups.Added", users.Count(u => !present.Contains(u.Id))]);
        var unknown = names.Where(n => !users.Any(u => string.Equals(u.UserName, n, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0) messages.Add(t["Groups.Unknown", string.Join("、", unknown)]);
        await LoadAsync(id, cancellationToken);
        Messages = messages;
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, string userId, bool confirmed, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (userId == User.UserId() && !User.IsInRole(PortalRoles.Admin)) return Fail(t["Groups.CannotRemoveSelf"]);
        var member = Members.FirstOrDefault(m => m.UserId == userId);
        if (member is null) return NotFound();
        if (!confirmed)
        {
            // Removing is asked about first, also without JavaScript.
            RemoveCandidate = member;
            return Page();
        }
        await db.GroupMembers.Where(m => m.GroupId == id && m.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        TempData[Flash.Key] = t["Groups.Removed", member.DisplayName].Value;
        return RedirectToPage("/Leader/Group", new { id });
    }

    private PageResult Fail(string message)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostLeaderAsync(int id, string userId, bool leader, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var member = await db.GroupMembers.FirstOrDefaultAsync(m => m.GroupId == id && m.UserId == userId, cancellationToken);
        if (member is null) return NotFound();
        // A leader must hold the Leader role to reach the leader's pages.
        if (leader && !await db.UserRoles.AnyAsync(ur => ur.UserId == userId && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == PortalRoles.Leader || r.Name == PortalRoles.Admin)), cancellationToken))
        {
            Messages = [t["Groups.NeedsLeaderRole"]];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        member.IsLeader = leader;
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Leader/Group", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var group = await plans.LedGroupAsync(User, id, cancellationToken);
        if (group is null) return false;
        Group = group;
        Members = await db.GroupMembers.Where(m => m.GroupId == id).OrderByDescending(m => m.IsLeader).ThenBy(m => m.User!.UserName)
            .Select(m => new StudyPlans.Member(m.UserId, m.User!.UserName!, m.User.DisplayName, m.IsLeader)).ToListAsync(cancellationToken);
        Assignments = await db.Assignments.Where(a => a.GroupId == id).OrderBy(a => a.DueDate).ToListAsync(cancellationToken);
        return true;
    }
}

using StudyPortal.Web.Infrastructure.Accounts;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using StudyPortal.Data;
using StudyPortal.Data.Accounts;
using StudyPortal.Data.Groups;

namespace StudyPortal.Web.Infrastructure.Groups;

public enum StudyStatus { NotStarted, InProgress, Done, Overdue }

/// <summary>
/// Who may see which group, and where each member stands on each assignment. One place for the rules, used by the
/// leader's pages, the member's pages, the home page and the exports.
/// </summary>
public sealed class StudyPlans(PortalDbContext db, StudyClock clock)
{
    /// <summary>Groups the user leads (all groups for an admin).</summary>
    public IQueryable<StudyGroup> LedBy(ClaimsPrincipal user)
    {
        if (user.IsInRole(PortalRoles.Admin)) return db.StudyGroups;
        var id = user.UserId();
        return db.StudyGroups.Where(g => g.Members.Any(m => m.UserId == id && m.IsLeader));
    }

    /// <summary>The group, when the user may lead it; null for someone else's group or an unknown id (both answer 404).</summary>
    public async Task<StudyGroup?> LedGroupAsync(ClaimsPrincipal user, int groupId, CancellationToken cancellationToken) =>
        await LedBy(user).FirstOrDefaultAsync(g => g.Id == groupId, cancellationToken);

    /// <summary>The assignment, when the user may lead its group.</summary>
    public async Task<Assignment?> LedAssignmentAsync(ClaimsPrincipal user, int assignmentId, CancellationToken cancellationToken)
    {
        var groups = LedBy(user).Select(g => g.Id);
        return await db.Assignments.Include(a => a.Sections).FirstOrDefaultAsync(a => a.Id == assignmentId && groups.Contains(a.GroupId), cancellationToken);
    }

    /// <summary>The assignment, when the user is a member of its group.</summary>
    public async Task<Assignment?> MemberAssignmentAsync(string userId, int assignmentId, CancellationToken cancellationToken) =>
        await db.Assignments.Include(a => a.Sections).Include(a => a.Group)
            .FirstOrDefaultAsync(a => a.Id == assignmentId && a.Group!.Members.Any(m => m.UserId == userId), cancellationToken);

    public sealed record SectionState(AssignmentSection Section, bool Exists, bool Opened, bool Read);

    /// <summary>For one member and one assignment: each section, whether it still exists, opened, read to the end.</summary>
    public async Task<IReadOnlyList<SectionState>> SectionsAsync(string userId, Assignment assignment, CancellationToken cancellationToken)
    {
        var keys = assignment.Sections.Select(s => s.SectionKey).ToList();
        var existing = await db.Sections.Where(s => keys.Contains(s.Key)).Select(s => s.Key).ToListAsync(cancellationToken);
        var progress = await db.ReadingProgress.Where(p => p.UserId == userId && keys.Contains(p.SectionKey))
            .ToDictionaryAsync(p => p.SectionKey, p => new Times(p.LastReadAtUtc, p.CompletedAtUtc), cancellationToken);
        return assignment.Sections.OrderBy(s => s.Position)
            .Select(s =>
            {
                var (opened, read) = Since(progress.GetValueOrDefault(s.SectionKey), assignment.CreatedAtUtc);
                return new SectionState(s, existing.Contains(s.SectionKey), opened, read);
            })
            .ToList();
    }

    private sealed record Times(DateTime LastReadAtUtc, DateTime? CompletedAtUtc);

    /// <summary>
    /// Reading counts for an assignment from the moment it was made: a leader sees what members read for it, never
    /// their reading history before (docs/leaders.md), and a member reads the assigned sections (again) to check in.
    /// </summary>
    private static (bool Opened, bool Read) Since(Times? times, DateTime assignedAtUtc) =>
        times is null ? (false, false) : (times.LastReadAtUtc >= assignedAtUtc, times.CompletedAtUtc >= assignedAtUtc);

    /// <summary>Why an assignment's check-in rules are out of bounds (as the leader is told), or null when they are fine; a rule not given is fine.</summary>
    public static string? RulesProblem(int? minimumReflectionLength, int? requiredPassages, Microsoft.Extensions.Localization.IStringLocalizer t) =>
        minimumReflectionLength is < 0 or > CheckIn.ReflectionMaxLength ? t["Assign.BadMinimumLength", CheckIn.ReflectionMaxLength].Value
        : requiredPassages is < 0 or > Assignment.MaxRequiredPassages ? t["Assign.BadPassages", Assignment.MaxRequiredPassages].Value
        : null;

    /// <summary>A member may check in once every section that still exists has been read to the end.</summary>
    public static bool CanCheckIn(IReadOnlyList<SectionState> sections) => sections.Where(s => s.Exists).All(s => s.Read);

    public StudyStatus Status(DateOnly due, bool checkedIn, int opened) =>
        checkedIn ? StudyStatus.Done : clock.IsOverdue(due) ? StudyStatus.Overdue : opened > 0 ? StudyStatus.InProgress : StudyStatus.NotStarted;

    /// <param name="SectionSeconds">Reading time per section of the assignment (in its order), in visits begun since it was made.</param>
    public sealed record Cell(string UserId, int AssignmentId, StudyStatus Status, int SectionsRead, int Sections, CheckIn? CheckIn, IReadOnlyList<int> SectionSeconds)
    {
        public int ReadingSeconds => SectionSeconds.Sum();
    }

    public sealed record Member(string UserId, string UserName, string DisplayName, bool IsLeader);

    public sealed record Matrix(StudyGroup Group, IReadOnlyList<Member> Members, IReadOnlyList<Assignment> Assignments, IReadOnlyDictionary<(string, int), Cell> Cells);

    /// <summary>Members × assignments of a group, with each member's reflections.</summary>
    public async Task<Matrix> MatrixAsync(StudyGroup group, CancellationToken cancellationToken)
    {
        var members = await db.GroupMembers.Where(m => m.GroupId == group.Id).OrderBy(m => m.IsLeader).ThenBy(m => m.User!.UserName)
            .Select(m => new Member(m.UserId, m.User!.UserName!, m.User.DisplayName, m.IsLeader)).ToListAsync(cancellationToken);
        var assignments = await db.Assignments.Where(a => a.GroupId == group.Id).Include(a => a.Sections).OrderBy(a => a.DueDate).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var ids = assignments.Select(a => a.Id).ToList();
        var checkIns = await db.CheckIns.Include(c => c.Passages.OrderBy(p => p.Position)).Where(c => ids.Contains(c.AssignmentId)).ToListAsync(cancellationToken);
        var keys = assignments.SelectMany(a => a.Sections.Select(s => s.SectionKey)).Distinct().ToList();
        var userIds = members.Select(m => m.UserId).ToList();
        var progress = await db.ReadingProgress.Where(p => userIds.Contains(p.UserId) && keys.Contains(p.SectionKey))
            .Select(p => new { p.UserId, p.SectionKey, p.LastReadAtUtc, p.CompletedAtUtc }).ToListAsync(cancellationToken);
        var byUser = progress.GroupBy(p => p.UserId).ToDictionary(g => g.Key, g => g.ToDictionary(p => p.SectionKey, p => new Times(p.LastReadAtUtc, p.CompletedAtUtc)));
        // Reading time counts only visits begun since each assignment was made (what a leader may see, docs/leaders.md).
        var earliest = assignments.Count == 0 ? DateTime.MaxValue : assignments.Min(a => a.CreatedAtUtc);
        var visits = await db.ReadingVisits.Where(v => userIds.Contains(v.UserId) && keys.Contains(v.SectionKey) && v.StartedAtUtc >= earliest && v.Seconds > 0)
            .Select(v => new { v.UserId, v.SectionKey, v.StartedAtUtc, v.Seconds }).ToListAsync(cancellationToken);
        var visitsOf = visits.ToLookup(v => (v.UserId, v.SectionKey));
        var cells = new Dictionary<(string, int), Cell>();
        foreach (var member in members)
            foreach (var assignment in assignments)
            {
                var mine = byUser.GetValueOrDefault(member.UserId) ?? [];
                var ordered = assignment.Sections.OrderBy(s => s.Position).Select(s => mine.GetValueOrDefault(s.SectionKey)).ToList();
                var states = ordered.Select(t => Since(t, assignment.CreatedAtUtc)).ToList();
                var opened = states.Count(s => s.Opened);
                var read = states.Count(s => s.Read);
                var seconds = assignment.Sections.OrderBy(s => s.Position)
                    .Select(s => visitsOf[(member.UserId, s.SectionKey)].Where(v => v.StartedAtUtc >= assignment.CreatedAtUtc).Sum(v => v.Seconds)).ToList();
                var checkIn = checkIns.FirstOrDefault(c => c.AssignmentId == assignment.Id && c.UserId == member.UserId);
                cells[(member.UserId, assignment.Id)] = new Cell(member.UserId, assignment.Id, Status(assignment.DueDate, checkIn is not null, opened), read, assignment.Sections.Count, checkIn, seconds);
            }
        return new Matrix(group, members, assignments, cells);
    }

    public sealed record OpenAssignment(Assignment Assignment, string GroupName, StudyStatus Status, int SectionsRead, CheckIn? CheckIn);

    /// <summary>"My study": the member's assignments, overdue first, then by due date; done ones last.</summary>
    public async Task<IReadOnlyList<OpenAssignment>> ForMemberAsync(string userId, CancellationToken cancellationToken)
    {
        var assignments = await db.Assignments.Where(a => a.Group!.Members.Any(m => m.UserId == userId))
            .Include(a => a.Sections).Include(a => a.Group).ToListAsync(cancellationToken);
        var ids = assignments.Select(a => a.Id).ToList();
        var checkIns = await db.CheckIns.Where(c => c.UserId == userId && ids.Contains(c.AssignmentId)).ToDictionaryAsync(c => c.AssignmentId, cancellationToken);
        var keys = assignments.SelectMany(a => a.Sections.Select(s => s.SectionKey)).Distinct().ToList();
        var progress = await db.ReadingProgress.Where(p => p.UserId == userId && keys.Contains(p.SectionKey))
            .ToDictionaryAsync(p => p.SectionKey, p => new Times(p.LastReadAtUtc, p.CompletedAtUtc), cancellationToken);
        return assignments.Select(a =>
            {
                var states = a.Sections.Select(s => Since(progress.GetValueOrDefault(s.SectionKey), a.CreatedAtUtc)).ToList();
                var opened = states.Count(s => s.Opened);
                var read = states.Count(s => s.Read);
                var checkIn = checkIns.GetValueOrDefault(a.Id);
                return new OpenAssignment(a, a.Group!.Name, Status(a.DueDate, checkIn is not null, opened), read, checkIn);
            })
            .OrderBy(x => x.Status switch { StudyStatus.Overdue => 0, StudyStatus.Done => 2, _ => 1 })
            .ThenBy(x => x.Assignment.DueDate).ToList();
    }
}

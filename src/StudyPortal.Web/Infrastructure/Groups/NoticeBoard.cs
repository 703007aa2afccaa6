using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using StudyPortal.Data;
using StudyPortal.Data.Groups;

namespace StudyPortal.Web.Infrastructure.Groups;

/// <summary>In-portal notices (the bell). One notice per person, kind and subject: sending twice sends once.</summary>
public sealed class NoticeBoard(PortalDbContext db, StudyClock clock, LinkGenerator links, IMemoryCache cache, IStringLocalizer<SharedResource> t)
{
    /// <summary>
    /// How long a person's unread count is taken from memory: the bell is on every page, a query each time was a
    /// good part of a signed-in page's cost. This node forgets the count when it writes or reads notices; another
    /// node's change shows within this time.
    /// </summary>
    public static readonly TimeSpan UnreadCacheTime = TimeSpan.FromSeconds(5);

    public const string NewAssignment = "assignment";
    public const string DueSoon = "due-soon";
    public const string Comment = "comment";
    /// <summary>The leaders' digest of one assignment's check-ins on one day: this prefix and the day (checkins-20261202).</summary>
    public const string CheckInDigest = "checkins";
    /// <summary>The leaders' notice on the due date, naming who has not finished.</summary>
    public const string DueToday = "due-today";

    /// <summary>At most this many names in a notice; more are counted (…等 12 人).</summary>
    private const int NamesShown = 10;

    /// <summary>Adds the notices to the context (the caller saves them with the change they announce).</summary>
    public async Task AddAsync(IEnumerable<string> userIds, string kind, int subjectId, string text, string link, CancellationToken cancellationToken)
    {
        var users = userIds.Distinct().ToList();
        var already = await db.Notices.Where(n => n.Kind == kind && n.SubjectId == subjectId && users.Contains(n.UserId)).Select(n => n.UserId).ToListAsync(cancellationToken);
        foreach (var user in users.Except(already))
        {
            db.Notices.Add(new Notice { UserId = user, Kind = kind, SubjectId = subjectId, Text = text, Link = link, CreatedAtUtc = clock.UtcNow });
            Forget(user);
        }
    }

    public async Task<int> UnreadAsync(string userId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(Key(userId), out int unread)) return unread;
        unread = await db.Notices.CountAsync(n => n.UserId == userId && n.ReadAtUtc == null, cancellationToken);
        cache.Set(Key(userId), unread, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = UnreadCacheTime, Size = 1 });
        return unread;
    }

    /// <summary>Marks the person's notices read (all, or those about one subject) and forgets their cached count.</summary>
    public async Task MarkReadAsync(string userId, int? subjectId, CancellationToken cancellationToken)
    {
        await db.Notices.Where(n => n.UserId == userId && n.ReadAtUtc == null && (subjectId == null || n.SubjectId == subjectId))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, clock.UtcNow), cancellationToken);
        Forget(userId);
    }

    private void Forget(string userId) => cache.Remove(Key(userId));

    private static string Key(string userId) => "unread-notices:" + userId;

    /// <summary>
    /// A member checked in: the group's leaders get one notice per assignment and day, rewritten (and unread again) as
    /// more members check in that day, not one per member. The text is in the portal's language (notices are stored).
    /// </summary>
    public async Task CheckedInAsync(int assignmentId, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var (from, until) = (clock.DueEndsUtc(today.AddDays(-1)), clock.DueEndsUtc(today));
        var assignment = await db.Assignments.Where(a => a.Id == assignmentId)
            .Select(a => new { a.Title, a.GroupId, Leaders = a.Group!.Members.Where(m => m.IsLeader).Select(m => m.UserId).ToList() })
            .FirstAsync(cancellationToken);
        var names = await db.CheckIns.Where(c => c.AssignmentId == assignmentId && c.CheckedInAtUtc >= from && c.CheckedInAtUtc < until)
            .OrderBy(c => c.CheckedInAtUtc).ThenBy(c => c.Id).Join(db.Users, c => c.UserId, u => u.Id, (c, u) => u.DisplayName).ToListAsync(cancellationToken);
        if (names.Count == 0) return;
        var kind = CheckInDigest + "-" + today.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var text = UserText.Cut(t["Notice.CheckInDigest", assignment.Title, names.Count, Names(names)].Value, Notice.TextMaxLength);
        var link = links.GetPathByPage("/Leader/Progress", values: new { id = assignment.GroupId })!;
        foreach (var leader in assignment.Leaders)
        {
            // Two members checking in at once both write the digest: the row is made once and rewritten after.
            if (!await db.InsertIfAbsentAsync(new Notice { UserId = leader, Kind = kind, SubjectId = assignmentId, Text = text, Link = link, CreatedAtUtc = clock.UtcNow }, cancellationToken))
                await db.Notices.Where(n => n.UserId == leader && n.Kind == kind && n.SubjectId == assignmentId)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.Text, text).SetProperty(n => n.ReadAtUtc, (DateTime?)null).SetProperty(n => n.CreatedAtUtc, clock.UtcNow), cancellationToken);
            Forget(leader);
        }
    }

    private string Names(IReadOnlyList<string> names) =>
        names.Count <= NamesShown ? string.Join("、", names) : t["Notice.NamesMore", string.Join("、", names.Take(NamesShown)), names.Count].Value;

    /// <summary>Members who have not checked in on an assignment due within the configured days get one notice each.</summary>
    public async Task<int> SendDueSoonAsync(CancellationToken cancellationToken)
    {
        var until = clock.DueSoonUntil;
        var candidates = await db.Assignments.Where(a => a.DueDate >= clock.Today && a.DueDate <= until)
            .Select(a => new
            {
                a.Id, a.Title, a.DueDate, a.GroupId, Members = a.Group!.Members.Where(m => !m.IsLeader).Select(m => m.UserId).ToList(),
                Leaders = a.Group.Members.Where(m => m.IsLeader).Select(m => m.UserId).ToList(), Done = a.CheckIns.Select(c => c.UserId).ToList(),
            })
            .ToListAsync(cancellationToken);
        var before = db.ChangeTracker.Entries<Notice>().Count();
        foreach (var a in candidates.Where(a => clock.IsDueSoon(a.DueDate)))
            await AddAsync(a.Members.Except(a.Done), DueSoon, a.Id, t["Notice.DueSoon", a.Title, a.DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)].Value,
                links.GetPathByPage("/Study/Assignment", values: new { id = a.Id })!, cancellationToken);
        // On the due date the leaders learn who has not finished (once per assignment).
        foreach (var a in candidates.Where(a => a.DueDate == clock.Today))
        {
            var missing = a.Members.Except(a.Done).ToList();
            var names = await db.Users.Where(u => missing.Contains(u.Id)).OrderBy(u => u.DisplayName).Select(u => u.DisplayName).ToListAsync(cancellationToken);
            var text = names.Count == 0 ? t["Notice.DueTodayAllDone", a.Title].Value : t["Notice.DueToday", a.Title, names.Count, Names(names)].Value;
            await AddAsync(a.Leaders, DueToday, a.Id, UserText.Cut(text, Notice.TextMaxLength), links.GetPathByPage("/Leader/Progress", values: new { id = a.GroupId })!, cancellationToken);
        }
        var added = db.ChangeTracker.Entries<Notice>().Count() - before;
        await db.SaveChangesAsync(cancellationToken);
        return added;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using StudyPortal.Data;
using StudyPortal.Data.Groups;

namespace StudyPortal.Web.Infrastructure.Groups;

/// <summary>In-portal notices (the bell). One notice per person, kind and subject: sending twice sends once.</summary>
public sealed class NoticeBoard(PortalDbContext db, StudyClock clock, LinkGenerator links, IMemoryCache cache)
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

    /// <summary>Members who have not checked in on an assignment due within the configured days get one notice each.</summary>
    public async Task<int> SendDueSoonAsync(CancellationToken cancellationToken)
    {
        var until = clock.DueSoonUntil;
        var candidates = await db.Assignments.Where(a => a.DueDate >= clock.Today && a.DueDate <= until)
            .Select(a => new { a.Id, a.Title, a.DueDate, Members = a.Group!.Members.Where(m => !m.IsLeader).Select(m => m.UserId).ToList(), Done = a.CheckIns.Select(c => c.UserId).ToList() })
            .ToListAsync(cancellationToken);
        var before = db.ChangeTracker.Entries<Notice>().Count();
        foreach (var a in candidates.Where(a => clock.IsDueSoon(a.DueDate)))
            await AddAsync(a.Members.Except(a.Done), DueSoon, a.Id, $"“{a.Title}”将于 {a.DueDate:yyyy-MM-dd} 截止", links.GetPathByPage("/Study/Assignment", values: new { id = a.Id })!, cancellationToken);
        var added = db.ChangeTracker.Entries<Notice>().Count() - before;
        await db.SaveChangesAsync(cancellationToken);
        return added;
    }
}

using Microsoft.EntityFrameworkCore;
using StudyPortal.Data;
using StudyPortal.Data.Groups;

namespace StudyPortal.Web.Infrastructure.Groups;

/// <summary>In-portal notices (the bell). One notice per person, kind and subject: sending twice sends once.</summary>
public sealed class NoticeBoard(PortalDbContext db, StudyClock clock, LinkGenerator links)
{
    public const string NewAssignment = "assignment";
    public const string DueSoon = "due-soon";
    public const string Comment = "comment";

    /// <summary>Adds the notices to the context (the caller saves them with the change they announce).</summary>
    public async Task AddAsync(IEnumerable<string> userIds, string kind, int subjectId, string text, string link, CancellationToken cancellationToken)
    {
        var users = userIds.Distinct().ToList();
        var already = await db.Notices.Where(n => n.Kind == kind && n.SubjectId == subjectId && users.Contains(n.UserId)).Select(n => n.UserId).ToListAsync(cancellationToken);
        foreach (var user in users.Except(already))
            db.Notices.Add(new Notice { UserId = user, Kind = kind, SubjectId = subjectId, Text = text, Link = link, CreatedAtUtc = clock.UtcNow });
    }

    public Task<int> UnreadAsync(string userId, CancellationToken cancellationToken) =>
        db.Notices.CountAsync(n => n.UserId == userId && n.ReadAtUtc == null, cancellationToken);

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

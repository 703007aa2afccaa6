using System.Security.Claims;
using StudyPortal.Data;
using StudyPortal.Data.Accounts;

namespace StudyPortal.Web.Infrastructure.Accounts;

/// <summary>Adds an entry to the admins' audit log; saved with the change it records (the caller's SaveChanges).</summary>
public sealed class AuditLog(PortalDbContext db, TimeProvider time)
{
    public void Add(ClaimsPrincipal user, string action, string subject, string? details = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = time.GetUtcNow().UtcDateTime,
            UserName = user.Identity?.Name ?? "(anonymous)",
            Action = action,
            Subject = UserText.Cut(subject, AuditEntry.SubjectMaxLength),
            Details = details,
        });

    public async Task WriteAsync(ClaimsPrincipal user, string action, string subject, string? details = null, CancellationToken cancellationToken = default)
    {
        Add(user, action, subject, details);
        await db.SaveChangesAsync(cancellationToken);
    }
}

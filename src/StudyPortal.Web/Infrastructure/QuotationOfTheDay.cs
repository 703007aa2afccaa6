using Microsoft.EntityFrameworkCore;
using StudyPortal.Data;

namespace StudyPortal.Web.Infrastructure;

/// <summary>One quotation per day: the same for everyone on a given day (China time), a different one the next day.</summary>
public sealed class QuotationOfTheDay(PortalDbContext db, TimeProvider time)
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static int DayNumber(DateTimeOffset now) => TimeZoneInfo.ConvertTime(now, China).Date.Subtract(DateTime.UnixEpoch.Date).Days;

    public async Task<QuotationCard?> PickAsync(CancellationToken cancellationToken = default)
    {
        var ids = await db.Quotations.AsNoTracking().OrderBy(q => q.Id).Select(q => q.Id).ToListAsync(cancellationToken);
        if (ids.Count == 0) return null;
        var id = ids[DayNumber(time.GetUtcNow()) % ids.Count];
        return await db.Quotations.AsNoTracking().Where(q => q.Id == id).ToCards().FirstAsync(cancellationToken);
    }
}

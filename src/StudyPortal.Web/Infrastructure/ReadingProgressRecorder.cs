using StudyPortal.Data.Library;
using Microsoft.EntityFrameworkCore;
using StudyPortal.Data;
using StudyPortal.Data.Accounts;
using Microsoft.Extensions.Options;

namespace StudyPortal.Web.Infrastructure;

/// <summary>Records and reads reading progress by section key, so it survives re-imports.</summary>
public sealed class ReadingProgressRecorder(PortalDbContext db, TimeProvider time, IOptions<ReadingOptions> options)
{
    public sealed record Continue(string SectionKey, string Heading, string ArticleTitle, string DocumentTitle, int Paragraph, DateTime LastReadAtUtc);

    /// <summary>What a report did: whether the end now counts as read, and if the end came too soon, how long until it may.</summary>
    public sealed record Recorded(bool Completed, int WaitSeconds);

    /// <summary>
    /// Records a report of the reader's script: <paramref name="opened"/> when the page has just been opened (a visit
    /// begins), the paragraph in view, and whether the end was reached. Reaching the end counts as read only when the
    /// visit has lasted a plausible time for the section's length (<see cref="ReadingOptions.MinimumReadFraction"/>),
    /// measured on the server's clock. Null when the section does not exist (a forged or stale key): nothing is recorded.
    /// </summary>
    public async Task<Recorded?> RecordAsync(string userId, string key, int paragraph, bool opened, bool completed, CancellationToken cancellationToken)
    {
        if (key.Length > Section.KeyMaxLength) return null;
        var characters = await db.Sections.Where(s => s.Key == key).Select(s => (int?)s.Paragraphs.Sum(p => p.Text.Length)).FirstOrDefaultAsync(cancellationToken);
        if (characters is null) return null;
        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var at = Math.Clamp(paragraph, 0, 100_000);
        var required = TimeSpan.FromMinutes(characters.Value * settings.MinimumReadFraction / settings.CharactersPerMinute);

        var first = new ReadingProgress
        {
            UserId = userId, SectionKey = key, OpenedAtUtc = now, LastReadAtUtc = now, LastParagraph = at, VisitStartedAtUtc = now,
            CompletedAtUtc = completed && required <= TimeSpan.Zero ? now : null,
        };
        if (await db.InsertIfAbsentAsync(first, cancellationToken))
        {
            db.ReadingVisits.Add(new ReadingVisit { UserId = userId, SectionKey = key, StartedAtUtc = now });
            await db.SaveChangesAsync(cancellationToken);
            return Outcome(completed, first.CompletedAtUtc is not null, required);
        }

        var stored = await db.ReadingProgress.AsNoTracking().Where(p => p.UserId == userId && p.SectionKey == key)
            .Select(p => new { p.LastReadAtUtc, p.VisitStartedAtUtc }).FirstAsync(cancellationToken);
        var visitStart = opened ? now : stored.VisitStartedAtUtc ?? stored.LastReadAtUtc;
        var plausible = now - visitStart >= required;
        // Time on the page: the gap since the last report, unless this report opens a new visit; a long gap is an open tab.
        var spent = opened ? 0 : (int)Math.Clamp((now - stored.LastReadAtUtc).TotalSeconds, 0, settings.IdleAfterSeconds);
        DateTime? completedAt = completed && plausible ? now : null;
        // Completion is the latest time the end was reached plausibly (null only while it never was): an assignment made
        // later counts reading from its date.
        await db.ReadingProgress.Where(p => p.UserId == userId && p.SectionKey == key).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.LastReadAtUtc, now)
            .SetProperty(p => p.LastParagraph, at)
            .SetProperty(p => p.VisitStartedAtUtc, visitStart)
            .SetProperty(p => p.CompletedAtUtc, p => completedAt ?? p.CompletedAtUtc), cancellationToken);
        // The visit's time: a new row when the page was opened (or no visit was recorded yet), else added to it.
        if (opened || await db.ReadingVisits.Where(v => v.UserId == userId && v.SectionKey == key && v.StartedAtUtc == visitStart)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.Seconds, v => v.Seconds + spent), cancellationToken) == 0)
        {
            db.ReadingVisits.Add(new ReadingVisit { UserId = userId, SectionKey = key, StartedAtUtc = visitStart, Seconds = spent });
            await db.SaveChangesAsync(cancellationToken);
        }
        return Outcome(completed, completedAt is not null, required - (now - visitStart));
    }

    private static Recorded Outcome(bool asked, bool completed, TimeSpan remaining) =>
        new(completed, asked && !completed ? Math.Max(1, (int)Math.Ceiling(remaining.TotalSeconds)) : 0);

    /// <summary>One user's progress in the sections of one document: "read" (to the end) or "reading", by section key.</summary>
    public async Task<IReadOnlyDictionary<string, string>> InDocumentAsync(string userId, int documentId, CancellationToken cancellationToken) =>
        await (from p in db.ReadingProgress.AsNoTracking()
               where p.UserId == userId
               join s in db.Sections on p.SectionKey equals s.Key
               where s.DocumentId == documentId
               select new { p.SectionKey, Read = p.CompletedAtUtc != null })
            .ToDictionaryAsync(x => x.SectionKey, x => x.Read ? "read" : "reading", cancellationToken);

    /// <summary>The section read most recently, where it still exists.</summary>
    public async Task<Continue?> LatestAsync(string userId, CancellationToken cancellationToken) =>
        await (from p in db.ReadingProgress.AsNoTracking()
               where p.UserId == userId
               join s in db.Sections on p.SectionKey equals s.Key
               orderby p.LastReadAtUtc descending
               select new Continue(s.Key, s.Heading, s.Article!.Title, s.Document!.Title, p.LastParagraph, p.LastReadAtUtc)).FirstOrDefaultAsync(cancellationToken);
}

using StudyPortal.Data.Library;
using Microsoft.EntityFrameworkCore;
using StudyPortal.Data;
using StudyPortal.Data.Accounts;

namespace StudyPortal.Web.Infrastructure;

/// <summary>Records and reads reading progress by section key, so it survives re-imports.</summary>
public sealed class ReadingProgressRecorder(PortalDbContext db, TimeProvider time)
{
    public sealed record Continue(string SectionKey, string Heading, string ArticleTitle, string DocumentTitle, int Paragraph, DateTime LastReadAtUtc);

    /// <summary>False when the section does not exist (a forged or stale key): nothing is recorded.</summary>
    public async Task<bool> RecordAsync(string userId, string key, int paragraph, bool completed, CancellationToken cancellationToken)
    {
        if (key.Length > Section.KeyMaxLength || !await db.Sections.AnyAsync(s => s.Key == key, cancellationToken)) return false;
        var now = time.GetUtcNow().UtcDateTime;
        var at = Math.Clamp(paragraph, 0, 100_000);
        DateTime? completedAt = completed ? now : null;
        var first = new ReadingProgress { UserId = userId, SectionKey = key, OpenedAtUtc = now, LastReadAtUtc = now, LastParagraph = at, CompletedAtUtc = completedAt };
        // The first report creates the row; a later one, or one racing the first, moves it on. Completion is the latest
        // time the end was reached (null only while it never was): an assignment made later counts reading from its date.
        if (!await db.InsertIfAbsentAsync(first, cancellationToken))
            await db.ReadingProgress.Where(p => p.UserId == userId && p.SectionKey == key).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.LastReadAtUtc, now)
                .SetProperty(p => p.LastParagraph, at)
                .SetProperty(p => p.CompletedAtUtc, p => completedAt ?? p.CompletedAtUtc), cancellationToken);
        return true;
    }

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

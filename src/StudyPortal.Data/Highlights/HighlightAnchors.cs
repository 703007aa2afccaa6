using Microsoft.EntityFrameworkCore;

namespace StudyPortal.Data.Highlights;

/// <summary>
/// Finds a document's highlights again after its structure was rewritten (a replacement, an edit, an undo): each by
/// its quote, first in its own section, then anywhere in the document (a moved paragraph). One whose text reads
/// nowhere is kept where it was, marked orphaned; one found again is no longer orphaned.
/// </summary>
public static class HighlightAnchors
{
    /// <summary>Runs in the caller's transaction, after the new structure is written.</summary>
    public static async Task ReanchorAsync(PortalDbContext db, int documentId, TimeProvider time, CancellationToken cancellationToken)
    {
        var highlights = await db.Highlights.Where(h => h.DocumentId == documentId).ToListAsync(cancellationToken);
        if (highlights.Count == 0) return;
        var paragraphs = (await db.Paragraphs.AsNoTracking().Where(p => p.Section!.DocumentId == documentId)
                .Select(p => new { p.Section!.Key, p.Position, p.Text }).ToListAsync(cancellationToken))
            .ToLookup(p => p.Key, p => (p.Position, p.Text));
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var highlight in highlights)
        {
            var hint = new TextQuote.Place(highlight.Paragraph, highlight.Start, highlight.End);
            var key = highlight.SectionKey;
            var place = TextQuote.Locate(paragraphs[key], highlight.Exact, highlight.Prefix, highlight.Suffix, hint);
            if (place is null)
            {
                foreach (var section in paragraphs.Where(s => s.Key != highlight.SectionKey))
                {
                    place = TextQuote.Locate(section, highlight.Exact, highlight.Prefix, highlight.Suffix, hint);
                    if (place is not null) { key = section.Key; break; }
                }
            }
            if (place is { } found)
            {
                (highlight.SectionKey, highlight.Paragraph, highlight.Start, highlight.End, highlight.OrphanedAtUtc) = (key, found.Paragraph, found.Start, found.End, null);
            }
            else if (highlight.OrphanedAtUtc is null)
            {
                highlight.OrphanedAtUtc = now;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Before a document is deleted: its highlights stay, orphaned, with their text and notes.</summary>
    public static Task OrphanAsync(PortalDbContext db, int documentId, TimeProvider time, CancellationToken cancellationToken) =>
        db.Highlights.Where(h => h.DocumentId == documentId && h.OrphanedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.OrphanedAtUtc, time.GetUtcNow().UtcDateTime), cancellationToken);
}

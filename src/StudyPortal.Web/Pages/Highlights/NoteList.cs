using Microsoft.EntityFrameworkCore;
using StudyPortal.Data;
using StudyPortal.Data.Highlights;

namespace StudyPortal.Web.Pages.Highlights;

/// <summary>One reader's highlights and notes as 我的笔记 lists and exports them: filtered, searched, newest first.</summary>
public sealed class NoteList(PortalDbContext db)
{
    public sealed record Filter(int? DocumentId, HighlightColor? Color, int? GroupId, string? Query);

    public sealed record Note(long Id, string Exact, string? Text, HighlightColor Color, string SectionKey, int Paragraph, int? DocumentId,
        string? DocumentTitle, string? DocumentDate, string? ArticleTitle, string? Heading, int? GroupId, string? GroupName, DateTime CreatedAtUtc, bool Orphaned);

    public const int PageSize = 200;

    public async Task<IReadOnlyList<Note>> ListAsync(string userId, Filter filter, CancellationToken cancellationToken)
    {
        var query = db.Highlights.AsNoTracking().Where(h => h.UserId == userId);
        if (filter.DocumentId is { } document) query = query.Where(h => h.DocumentId == document);
        if (filter.Color is { } color) query = query.Where(h => h.Color == color);
        if (filter.GroupId is { } group) query = query.Where(h => h.GroupId == group);
        // A plain substring, as site search matches Chinese: any run of characters, no word boundaries.
        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            var q = filter.Query.Trim();
            query = query.Where(h => h.Exact.Contains(q) || (h.Note != null && h.Note.Contains(q)));
        }
        return await query.OrderByDescending(h => h.CreatedAtUtc).ThenByDescending(h => h.Id).Take(PageSize)
            .Select(h => new Note(h.Id, h.Exact, h.Note, h.Color, h.SectionKey, h.Paragraph, h.DocumentId,
                db.Documents.Where(d => d.Id == h.DocumentId).Select(d => d.Title).FirstOrDefault(),
                db.Documents.Where(d => d.Id == h.DocumentId).Select(d => d.Date).FirstOrDefault(),
                db.Sections.Where(s => s.Key == h.SectionKey).Select(s => s.Article!.Title).FirstOrDefault(),
                db.Sections.Where(s => s.Key == h.SectionKey).Select(s => s.Heading).FirstOrDefault(),
                h.GroupId, db.StudyGroups.Where(g => g.Id == h.GroupId).Select(g => g.Name).FirstOrDefault(),
                h.CreatedAtUtc, h.OrphanedAtUtc != null || h.DocumentId == null))
            .ToListAsync(cancellationToken);
    }
}

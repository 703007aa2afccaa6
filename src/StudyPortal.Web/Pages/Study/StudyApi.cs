using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using StudyPortal.Data;
using StudyPortal.Web.Infrastructure.Accounts;
using StudyPortal.Web.Infrastructure.Groups;
using StudyPortal.Web.Pages.Read;

namespace StudyPortal.Web.Pages.Study;

/// <summary>
/// /api/study/reading: the assignment a member is reading a section for, so the shared chapter page can show it
/// after load (title, due date, where the section stands, whether it is read) and turn pages within it.
/// </summary>
public static class StudyApi
{
    public sealed record Neighbour(string Key, string Label);

    /// <param name="Position">The section's place among the assignment's sections that still exist (1-based), of <paramref name="Count"/>.</param>
    public sealed record ReadingInAssignment(int Id, string Title, string Due, int Position, int Count, bool Read, Neighbour? Previous, Neighbour? Next,
        string StudyUrl, bool CheckedIn);

    public static void MapStudyApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/study/reading", ReadingAsync).RequireAuthorization();
    }

    /// <summary>
    /// The assignment asked for (?assignment=, as the assignment page links), else the member's open one that includes
    /// the section and is due soonest, else the latest; 204 when the section is in none of the member's assignments.
    /// </summary>
    private static async Task<IResult> ReadingAsync(string? section, int? assignment, HttpContext http, PortalDbContext db, StudyPlans plans,
        StudyClock clock, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(section) || section.Length > Data.Library.Section.KeyMaxLength) return Results.NoContent();
        var me = http.User.RequiredUserId();
        var candidates = await db.Assignments.AsNoTracking().Include(a => a.Sections)
            .Where(a => a.Sections.Any(s => s.SectionKey == section) && a.Group!.Members.Any(m => m.UserId == me) && (assignment == null || a.Id == assignment))
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0) return Results.NoContent();
        var ids = candidates.Select(a => a.Id).ToList();
        var checkedIn = await db.CheckIns.Where(c => c.UserId == me && ids.Contains(c.AssignmentId)).Select(c => c.AssignmentId).ToListAsync(cancellationToken);
        var chosen = candidates
            .OrderBy(a => checkedIn.Contains(a.Id) || clock.IsOverdue(a.DueDate) ? 1 : 0)
            .ThenBy(a => checkedIn.Contains(a.Id) || clock.IsOverdue(a.DueDate) ? -a.DueDate.DayNumber : a.DueDate.DayNumber)
            .First();
        var sections = (await plans.SectionsAsync(me, chosen, cancellationToken)).Where(s => s.Exists).ToList();
        var index = sections.FindIndex(s => s.Section.SectionKey == section);
        if (index < 0) return Results.NoContent();
        Neighbour? At(int i) => i >= 0 && i < sections.Count
            ? new Neighbour(sections[i].Section.SectionKey, ChapterTitles.Heading(sections[i].Section.Heading, sections[i].Section.ArticleTitle))
            : null;
        return Results.Json(new ReadingInAssignment(chosen.Id, chosen.Title, text["Study.Due", chosen.DueDate.ToString("yyyy-MM-dd")].Value,
            index + 1, sections.Count, sections[index].Read, At(index - 1), At(index + 1), $"/study/{chosen.Id}", checkedIn.Contains(chosen.Id)));
    }
}

using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using StudyPortal.Data;
using Microsoft.Extensions.Localization;
using StudyPortal.Web.Infrastructure.Accounts;
using StudyPortal.Web.Infrastructure.Groups;

namespace StudyPortal.Web.Pages.Account;

/// <summary>
/// /api/me: what a page shared by every reader leaves out (<see cref="Infrastructure.LibraryPageCache"/>): the signed-in
/// reader's name, their unread notices, and the form token the page's script sends with what it posts.
/// </summary>
public static class AccountApi
{
    public static void MapAccountApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/me", async (HttpContext http, NoticeBoard notices, IAntiforgery antiforgery, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken) =>
            {
                var unread = await notices.UnreadAsync(http.User.RequiredUserId(), cancellationToken);
                var token = antiforgery.GetAndStoreTokens(http).RequestToken ?? "";
                return Results.Json(new Me(http.User.DisplayName(), unread, text["Notices.Bell", unread].Value, token));
            })
            .RequireAuthorization();
        // The groups the reader may share a highlight with: those they are a member (or a leader) of now.
        endpoints.MapGet("/api/me/groups", async (HttpContext http, PortalDbContext db, CancellationToken cancellationToken) =>
            {
                var me = http.User.RequiredUserId();
                return Results.Json(await db.GroupMembers.AsNoTracking().Where(m => m.UserId == me).OrderBy(m => m.Group!.Name)
                    .Select(m => new Group(m.GroupId, m.Group!.Name)).ToListAsync(cancellationToken));
            })
            .RequireAuthorization();
        // The assignments of the reader's groups that include a section, newest first: what a leader may pin a note to.
        endpoints.MapGet("/api/me/assignments", async (string? section, HttpContext http, PortalDbContext db, CancellationToken cancellationToken) =>
            {
                if (string.IsNullOrEmpty(section) || section.Length > Data.Library.Section.KeyMaxLength) return Results.Json(Array.Empty<AssignmentOfSection>());
                var me = http.User.RequiredUserId();
                return Results.Json(await db.Assignments.AsNoTracking()
                    .Where(a => a.Sections.Any(s => s.SectionKey == section) && a.Group!.Members.Any(m => m.UserId == me))
                    .OrderByDescending(a => a.DueDate).ThenByDescending(a => a.Id)
                    .Select(a => new AssignmentOfSection(a.Id, a.Title, a.GroupId, a.Group!.Name, a.DueDate, a.Group.Members.Any(m => m.UserId == me && m.IsLeader)))
                    .ToListAsync(cancellationToken));
            })
            .RequireAuthorization();
    }

    public sealed record Group(int Id, string Name);

    public sealed record AssignmentOfSection(int Id, string Title, int GroupId, string GroupName, DateOnly DueDate, bool Leader);

    /// <param name="Bell">The notices link's accessible name, with the count, in the interface's language.</param>
    public sealed record Me(string Name, int Unread, string Bell, string Token);
}

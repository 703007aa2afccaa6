using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using StudyPortal.Data;
using StudyPortal.Data.Accounts;
using StudyPortal.Web.Infrastructure;
using StudyPortal.Web.Infrastructure.Accounts;
using StudyPortal.Web.Infrastructure.Groups;

namespace StudyPortal.Web.Pages.Account;

/// <summary>The browsers signed in to this account, with a way to end one or all of them.</summary>
public sealed class SessionsModel(PortalDbContext db, SessionTicketStore sessions, SignInManager<PortalUser> signIn, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record Row(string Id, DateTime CreatedAtUtc, DateTime LastSeenAtUtc, string? UserAgent, string? Address, bool Current);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var current = SessionTicketStore.KeyOf(User);
        var now = time.GetUtcNow().UtcDateTime;
        Rows = (await db.UserSessions.AsNoTracking().Where(s => s.UserId == userId && (s.ExpiresAtUtc == null || s.ExpiresAtUtc > now))
                .OrderByDescending(s => s.LastSeenAtUtc).ToListAsync(cancellationToken))
            .Select(s => new Row(s.Id, s.CreatedAtUtc, s.LastSeenAtUtc, s.UserAgent, s.Address, s.Id == current)).ToList();
    }

    /// <summary>Ends one other session of this account.</summary>
    public async Task<IActionResult> OnPostEndAsync(string id, CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        if (!await db.UserSessions.AnyAsync(s => s.Id == id && s.UserId == userId, cancellationToken)) return NotFound();
        await sessions.RemoveAsync(id);
        TempData[Flash.Key] = t["Sessions.Ended"].Value;
        return RedirectToPage();
    }

    /// <summary>Ends every session of this account, this one included.</summary>
    public async Task<IActionResult> OnPostEndAllAsync()
    {
        await sessions.EndAllAsync(User.RequiredUserId());
        await signIn.SignOutAsync();
        TempData[Flash.Key] = t["Sessions.EndedAll"].Value;
        return RedirectToPage("/Account/SignIn");
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StudyPortal.Data;
using StudyPortal.Data.Accounts;

namespace StudyPortal.Web.Pages.Admin.Users;

/// <summary>Every account, searchable by user name, display name or e-mail.</summary>
public sealed class IndexModel(PortalDbContext db, TimeProvider time) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(PortalUser User, IReadOnlyList<string> Roles, bool LockedOut);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        IQueryable<PortalUser> query = db.Users.AsNoTracking();
        var q = Q?.Trim();
        if (!string.IsNullOrEmpty(q))
            query = query.Where(u => u.UserName!.Contains(q) || u.DisplayName.Contains(q) || (u.Email != null && u.Email.Contains(q)));
        Total = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        var users = await query.OrderBy(u => u.UserName).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        Rows = users.Select(u => new Row(u, roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList(), u.LockoutEnd > now)).ToList();
    }
}

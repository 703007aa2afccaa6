using StudyPortal.Web.Infrastructure.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StudyPortal.Data;
using StudyPortal.Data.Groups;
using StudyPortal.Web.Infrastructure.Groups;

namespace StudyPortal.Web.Pages.Notices;

/// <summary>The user's notices, newest first; opening the list marks them read.</summary>
public sealed class IndexModel(PortalDbContext db, StudyClock clock, NoticeBoard notices) : PageModel
{
    public IReadOnlyList<Notice> Items { get; private set; } = [];
    public StudyClock Clock => clock;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.RequiredUserId();
        Items = await db.Notices.AsNoTracking().Where(n => n.UserId == userId).OrderByDescending(n => n.Id).Take(100).ToListAsync(cancellationToken);
        await notices.MarkReadAsync(userId, null, cancellationToken);
    }
}

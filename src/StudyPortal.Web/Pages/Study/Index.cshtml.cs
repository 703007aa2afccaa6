using StudyPortal.Web.Infrastructure.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StudyPortal.Web.Infrastructure.Groups;

namespace StudyPortal.Web.Pages.Study;

/// <summary>我的学习: the member's assignments, overdue first, then by due date.</summary>
public sealed class IndexModel(StudyPlans plans) : PageModel
{
    public IReadOnlyList<StudyPlans.OpenAssignment> Assignments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Assignments = await plans.ForMemberAsync(User.RequiredUserId(), cancellationToken);
}

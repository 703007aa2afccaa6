using StudyPortal.Web.Infrastructure.Accounts;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StudyPortal.Data;
using StudyPortal.Data.Groups;
using StudyPortal.Web.Infrastructure.Groups;

namespace StudyPortal.Web.Pages.Leader;

/// <summary>The groups a leader leads (all of them for an admin), and a new group.</summary>
public sealed class IndexModel(PortalDbContext db, StudyPlans plans, StudyClock clock, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record Row(int Id, string Name, string? Description, int Members, int Assignments);

    public IReadOnlyList<Row> Groups { get; private set; } = [];
    public string? Error { get; private set; }

    [BindProperty, Required, MaxLength(StudyGroup.NameMaxLength)]
    public string Name { get; set; } = "";

    [BindProperty, MaxLength(StudyGroup.DescriptionMaxLength)]
    public string? Description { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            Error = t["Groups.NameInvalid"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var group = new StudyGroup { Name = Name.Trim(), Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(), CreatedAtUtc = clock.UtcNow };
        group.Members.Add(new GroupMember { UserId = User.RequiredUserId(), IsLeader = true, AddedAtUtc = clock.UtcNow });
        db.StudyGroups.Add(group);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Leader/Group", new { id = group.Id });
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Groups = await plans.LedBy(User).OrderBy(g => g.Name)
            .Select(g => new Row(g.Id, g.Name, g.Description, g.Members.Count(m => !m.IsLeader), g.Assignments.Count)).ToListAsync(cancellationToken);
}

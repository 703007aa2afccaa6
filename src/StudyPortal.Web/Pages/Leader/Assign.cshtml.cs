using StudyPortal.Web.Infrastructure.Accounts;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using StudyPortal.Data;
using StudyPortal.Data.Groups;
using StudyPortal.Web.Infrastructure;
using StudyPortal.Web.Infrastructure.Groups;

namespace StudyPortal.Web.Pages.Leader;

/// <summary>
/// Assigns sections to a group: pick a document, tick sections, whole articles or the whole document in its table of
/// contents, set a due date and a message. An article or document covers all its sections.
/// </summary>
public sealed class AssignModel(PortalDbContext db, StudyPlans plans, StudyClock clock, NoticeBoard notices, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record SectionRow(string Key, string Heading, int Level);

    public sealed record ArticleRow(int Id, string Title, IReadOnlyList<SectionRow> Sections);

    public StudyGroup Group { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Title)> Documents { get; private set; } = [];
    public IReadOnlyList<ArticleRow> Articles { get; private set; } = [];
    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true)]
    public int? Document { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public DateOnly? DueDate { get; set; }

    [BindProperty]
    public string? Message { get; set; }

    [BindProperty]
    public bool WholeDocument { get; set; }

    /// <summary>The check-in's reflection must be at least this long (0: any length).</summary>
    [BindProperty]
    public int MinimumReflectionLength { get; set; }

    /// <summary>How many marked passages a check-in must attach (0: none).</summary>
    [BindProperty]
    public int RequiredPassages { get; set; }

    [BindProperty]
    public List<int> ArticleIds { get; set; } = [];

    [BindProperty]
    public List<string> SectionKeys { get; set; } = [];

    public DateOnly Today => clock.Today;

    public DateOnly LatestDueDate => clock.LatestDueDate;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        DueDate ??= clock.Today.AddDays(7);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var chosen = await ChosenSectionsAsync(cancellationToken);
        if (chosen.Count == 0) return Fail(t["Assign.NoSections"]);
        if (DueDate is not { } due || !clock.IsAllowedDueDate(due)) return Fail(t["Assign.BadDate", clock.LatestDueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
        if ((Message?.Length ?? 0) > Assignment.MessageMaxLength) return Fail(t["Assign.TooLong"]);
        if (StudyPlans.RulesProblem(MinimumReflectionLength, RequiredPassages, t) is { } rules) return Fail(rules);
        var title = string.IsNullOrWhiteSpace(Title) ? chosen[0].ArticleTitle : Title.Trim();
        var assignment = new Assignment
        {
            GroupId = id, Title = UserText.Cut(title, Assignment.TitleMaxLength), Message = string.IsNullOrWhiteSpace(Message) ? null : Message.Trim(),
            DueDate = due, CreatedById = User.RequiredUserId(), CreatedAtUtc = clock.UtcNow,
            MinimumReflectionLength = MinimumReflectionLength, RequiredPassages = RequiredPassages,
        };
        assignment.Sections.AddRange(chosen.Select((s, i) => new AssignmentSection
        {
            SectionKey = s.Key, Position = i, DocumentTitle = s.DocumentTitle, ArticleTitle = s.ArticleTitle, Heading = s.Heading,
        }));
        db.Assignments.Add(assignment);
        await db.SaveChangesAsync(cancellationToken);
        var members = await db.GroupMembers.Where(m => m.GroupId == id && !m.IsLeader).Select(m => m.UserId).ToListAsync(cancellationToken);
        await notices.AddAsync(members, NoticeBoard.NewAssignment, assignment.Id, t["Notice.NewAssignment", Group.Name, assignment.Title, due.ToString("yyyy-MM-dd")], Url.Page("/Study/Assignment", new { id = assignment.Id })!, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        TempData[Flash.Key] = t["Assign.Done", assignment.Title, assignment.Sections.Count, members.Count].Value;
        return RedirectToPage("/Leader/Progress", new { id });
    }

    private sealed record Chosen(string Key, string DocumentTitle, string ArticleTitle, string Heading);

    /// <summary>The ticked sections in document order; ids from another document or made up are ignored.</summary>
    private async Task<List<Chosen>> ChosenSectionsAsync(CancellationToken cancellationToken)
    {
        if (Document is not int documentId) return [];
        var sections = await db.Sections.AsNoTracking().Where(s => s.DocumentId == documentId).OrderBy(s => s.Position)
            .Select(s => new { s.Key, s.ArticleId, Document = s.Document!.Title, Article = s.Article!.Title, s.Heading }).ToListAsync(cancellationToken);
        return sections.Where(s => WholeDocument || ArticleIds.Contains(s.ArticleId) || SectionKeys.Contains(s.Key))
            .Select(s => new Chosen(s.Key, s.Document, s.Article, s.Heading)).ToList();
    }

    private PageResult Fail(string message)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var group = await plans.LedGroupAsync(User, id, cancellationToken);
        if (group is null) return false;
        Group = group;
        Documents = (await db.Documents.AsNoTracking().OrderBy(d => d.Title).Select(d => new { d.Id, d.Title }).ToListAsync(cancellationToken)).Select(d => (d.Id, d.Title)).ToList();
        if (Document is int documentId)
            Articles = await db.Articles.AsNoTracking().Where(a => a.DocumentId == documentId).OrderBy(a => a.Position)
                .Select(a => new ArticleRow(a.Id, a.Title, a.Sections.OrderBy(s => s.Position).Select(s => new SectionRow(s.Key, s.Heading, s.Level)).ToList()))
                .ToListAsync(cancellationToken);
        return true;
    }
}

using StudyPortal.Web.Infrastructure.Accounts;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StudyPortal.Data;
using StudyPortal.Web.Infrastructure;

namespace StudyPortal.Web.Pages.Library;

/// <summary>The library (学习资料库): every document, newest first, filterable by series and year.</summary>
public sealed class IndexModel(PortalDbContext db, QuotationOfTheDay quotationOfTheDay, IOptions<ReadingOptions> reading, ReadingProgressRecorder progress,
    Infrastructure.Groups.StudyPlans plans) : PageModel
{
    /// <summary>我的学习: the signed-in member's assignments not yet done, overdue first.</summary>
    public IReadOnlyList<Infrastructure.Groups.StudyPlans.OpenAssignment> MyStudy { get; private set; } = [];

    /// <summary>Where the signed-in reader stopped last: "continue where you left off".</summary>
    public ReadingProgressRecorder.Continue? Continue { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Series { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public IReadOnlyList<DocumentCard> Documents { get; private set; } = [];
    public IReadOnlyList<string> AllSeries { get; private set; } = [];
    public IReadOnlyList<int> AllYears { get; private set; } = [];
    public QuotationCard? Quotation { get; private set; }
    public int CharactersPerMinute => reading.Value.CharactersPerMinute;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        AllSeries = await db.Documents.AsNoTracking().Where(d => d.Series != null).Select(d => d.Series!).Distinct().OrderBy(s => s).ToListAsync(cancellationToken);
        AllYears = await db.Documents.AsNoTracking().Where(d => d.Year != null).Select(d => d.Year!.Value).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);

        var query = db.Documents.AsNoTracking();
        if (!string.IsNullOrEmpty(Series)) query = query.Where(d => d.Series == Series);
        if (Year is not null) query = query.Where(d => d.Year == Year);
        Documents = await query
            .OrderByDescending(d => d.Date != null).ThenByDescending(d => d.Date).ThenByDescending(d => d.ImportedAtUtc)
            .Select(d => new DocumentCard(d.Id, d.Title, d.Subtitle, d.Series, d.Issuer, d.Date, d.CharCount,
                d.Articles.OrderBy(a => a.Position).Select(a => new ArticleLink(a.Id, a.Title, a.Sections.OrderBy(s => s.Position).Select(s => s.Key).FirstOrDefault())).ToList()))
            .ToListAsync(cancellationToken);
        Quotation = await quotationOfTheDay.PickAsync(cancellationToken);
        if (User.UserId() is { } userId)
        {
            Continue = await progress.LatestAsync(userId, cancellationToken);
            MyStudy = (await plans.ForMemberAsync(userId, cancellationToken)).Where(a => a.Status != Infrastructure.Groups.StudyStatus.Done).Take(5).ToList();
        }
    }

    public sealed record DocumentCard(int Id, string Title, string? Subtitle, string? Series, string? Issuer, string? Date, int CharCount, IReadOnlyList<ArticleLink> Articles);

    public sealed record ArticleLink(int Id, string Title, string? FirstSectionKey);
}

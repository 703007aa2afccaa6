using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using StudyPortal.Web.Infrastructure.Groups;

namespace StudyPortal.Web.Pages.Leader;

/// <summary>
/// The group's 学习台账 for a period (from … to …, by due date): a print view, and the same record as a Word document
/// in official-document layout, CSV and Excel. Only a leader of the group (or an admin) gets it; another group is 404.
/// </summary>
public sealed class LedgerModel(StudyPlans plans, StudyClock clock, IOptions<StudyOptions> options, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public StudyLedger Ledger { get; private set; } = null!;
    public int GroupId { get; private set; }
    public string? Error { get; private set; }

    public Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => RespondAsync(id, ledger => Page(), cancellationToken);

    public Task<IActionResult> OnGetDocxAsync(int id, CancellationToken cancellationToken) =>
        RespondAsync(id, ledger => File(LedgerDocument.Build(ledger, t), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", FileName(ledger, "docx")), cancellationToken);

    public Task<IActionResult> OnGetCsvAsync(int id, CancellationToken cancellationToken) =>
        RespondAsync(id, ledger => File(GroupRecord.Csv(Rows), "text/csv; charset=utf-8", FileName(ledger, "csv")), cancellationToken);

    public Task<IActionResult> OnGetXlsxAsync(int id, CancellationToken cancellationToken) =>
        RespondAsync(id, ledger => File(GroupRecord.Xlsx(Rows, ledger.GroupName), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName(ledger, "xlsx")), cancellationToken);

    private IReadOnlyList<string[]> Rows { get; set; } = [];

    private static string FileName(StudyLedger ledger, string extension) =>
        $"{ledger.GroupName}-学习台账-{ledger.From:yyyyMMdd}-{ledger.To:yyyyMMdd}.{extension}";

    /// <summary>The record for the period asked for (this month by default); a bad period is the page with its message, status 400.</summary>
    private async Task<IActionResult> RespondAsync(int id, Func<StudyLedger, IActionResult> respond, CancellationToken cancellationToken)
    {
        var group = await plans.LedGroupAsync(User, id, cancellationToken);
        if (group is null) return NotFound();
        GroupId = id;
        var today = clock.Today;
        // Due dates lie between the portal's first years and its due-date horizon: a period outside them is a mistake.
        var (earliest, latest) = (new DateOnly(2000, 1, 1), clock.LatestDueDate);
        var outside = From < earliest || From > latest || To < earliest || To > latest;
        From = outside ? today : From ?? new DateOnly(today.Year, today.Month, 1);
        To = outside ? today : To ?? From.Value.AddMonths(1).AddDays(-1);
        var matrix = await plans.MatrixAsync(group, cancellationToken);
        var maxDays = options.Value.LedgerMaxDays;
        Error = outside ? t["Ledger.OutOfRange", earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)].Value
            : To < From ? t["Ledger.EndBeforeStart"].Value
            : To.Value.DayNumber - From.Value.DayNumber + 1 > maxDays ? t["Ledger.TooLong", maxDays].Value
            : null;
        if (Error is not null)
        {
            Ledger = StudyLedger.Of(matrix, From.Value, From.Value.AddDays(-1), clock);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Ledger = StudyLedger.Of(matrix, From.Value, To.Value, clock);
        var inPeriod = Ledger.Assignments.Select(a => a.Id).ToHashSet();
        Rows = GroupRecord.Rows(matrix with { Assignments = matrix.Assignments.Where(a => inPeriod.Contains(a.Id)).ToList() }, clock, status => t["Status." + status]);
        return respond(Ledger);
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

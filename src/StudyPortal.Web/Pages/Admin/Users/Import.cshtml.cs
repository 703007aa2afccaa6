using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using StudyPortal.Web.Infrastructure.Accounts;

namespace StudyPortal.Web.Pages.Admin.Users;

/// <summary>Bulk-creates accounts from a CSV and reports every row: created (with its first password) or refused and why.</summary>
public sealed class ImportModel(UserAccounts accounts, AuditLog audit, IStringLocalizer<SharedResource> t) : PageModel
{
    public const long MaxBytes = 1024 * 1024;

    public IReadOnlyList<UserAccounts.CsvResult>? Results { get; private set; }
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0) return Fail(t["Users.Csv.NoFile"]);
        if (file.Length > MaxBytes) return Fail(t["Users.Csv.TooLarge"]);
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        try
        {
            Results = await accounts.ImportCsvAsync(buffer.ToArray(), key => t[key]);
        }
        catch (InvalidDataException)
        {
            return Fail(t["Users.Csv.Unreadable"]);
        }
        await audit.WriteAsync(User, "user.import", $"{Results.Count(r => r.Created)} / {Results.Count}");
        return Page();
    }

    private PageResult Fail(string message)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}

using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace StudyPortal.Web.Pages;

/// <summary>The portal's own error page: a friendly message for 404 and other codes, never a stack trace.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; } = 500;

    /// <summary>The request failed because the database could not be written: the disk is full or the file is read-only.</summary>
    public bool StorageFailure { get; private set; }
    public string? RequestId { get; private set; }

    public void OnGet(int? code) => Set(code);

    public void OnPost(int? code) => Set(code);

    private void Set(int? code)
    {
        // Only error codes: /Error/1 or /Error/200 typed by hand is a page that does not exist.
        Status = code is >= 400 and <= 599 ? code.Value : code is null ? 500 : 404;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        if (code is not null) Response.StatusCode = Status;
        if (code is null && StudyPortal.Data.DatabaseErrors.IsUnwritable(HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Error))
        {
            StorageFailure = true;
            Status = StatusCodes.Status503ServiceUnavailable;
            Response.StatusCode = Status;
        }
    }
}

using StudyPortal.Web.Infrastructure.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using StudyPortal.Data;
using StudyPortal.Data.Accounts;
using StudyPortal.Data.Importing;
using StudyPortal.Importer;

namespace StudyPortal.Web.Pages.Admin.Upload;

/// <summary>
/// Takes one or several files, refuses the ones that cannot be imported (with the reason) or are already in the
/// library, and keeps the rest as drafts for the preview. Nothing reaches the library from here.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.RateLimits.Upload)]
[RequestSizeLimit(UploadLimits.RequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimits.RequestBytes)]
public sealed class IndexModel(UploadDrafts drafts, IOptions<ImportOptions> import, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record FileResult(string FileName, Guid? DraftId, string? Title, string? Error, int? ExistingDocumentId);

    public IReadOnlyList<FileResult> Results { get; private set; } = [];
    public IReadOnlyList<UploadDrafts.Listed> Pending { get; private set; } = [];
    public long MaxFileBytes => import.Value.MaxFileBytes;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Pending = await PendingAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(List<IFormFile> files, CancellationToken cancellationToken)
    {
        var results = new List<FileResult>();
        if (files.Count == 0) results.Add(new FileResult("", null, null, t["Upload.NoFiles"], null));
        if (files.Count > UploadLimits.FilesPerRequest) files = files.Take(UploadLimits.FilesPerRequest).ToList();
        var userId = User.RequiredUserId();
        foreach (var file in files)
        {
            var name = UploadLimits.SafeFileName(file.FileName);
            if (file.Length == 0)
            {
                results.Add(new FileResult(name, null, null, t["Upload.Empty"], null));
                continue;
            }
            if (file.Length > MaxFileBytes)
            {
                results.Add(new FileResult(name, null, null, t["Upload.TooLarge", MaxFileBytes / 1024 / 1024], null));
                continue;
            }
            var bytes = new byte[file.Length];
            await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(bytes, cancellationToken);
            var received = await drafts.ReceiveAsync(userId, name, bytes, cancellationToken);
            results.Add(received.Status switch
            {
                UploadDrafts.ReceiveStatus.Draft => new FileResult(name, received.Draft!.Draft.Id, received.Draft.Parsed.Title, null, null),
                UploadDrafts.ReceiveStatus.AlreadyInLibrary => new FileResult(name, null, received.Title, t["Upload.AlreadyInLibrary", received.Title!], received.DocumentId),
                _ => new FileResult(name, null, null, Why(received), null),
            });
        }
        Results = results;
        Pending = await PendingAsync(cancellationToken);
        if (results.All(r => r.Error is not null)) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The importer's reason, in the interface language.</summary>
    private string Why(UploadDrafts.Received refused) => refused.Reason switch
    {
        UnreadableReason.TooLarge => t["Upload.TooLarge", MaxFileBytes / 1024 / 1024],
        UnreadableReason.Other => t["Upload.Refused", refused.Message!],
        var reason => t["Upload." + reason],
    };

    private Task<IReadOnlyList<UploadDrafts.Listed>> PendingAsync(CancellationToken cancellationToken) =>
        drafts.OpenForAsync(User.RequiredUserId(), cancellationToken);
}

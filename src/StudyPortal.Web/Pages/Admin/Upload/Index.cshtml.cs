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
public sealed class IndexModel(PortalDbContext db, UploadDrafts drafts, IOptions<ImportOptions> import, IStringLocalizer<SharedResource> t) : PageModel
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
        var userId = Infrastructure.Groups.StudyPlans.UserId(User)!;
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
            var hash = DocumentStore.ContentHash(bytes);
            var same = await db.Documents.AsNoTracking().Where(d => d.ContentHash == hash).Select(d => new { d.Id, d.Title }).FirstOrDefaultAsync(cancellationToken);
            if (same is not null)
            {
                results.Add(new FileResult(name, null, same.Title, t["Upload.AlreadyInLibrary", same.Title], same.Id));
                continue;
            }
            try
            {
                var draft = await drafts.CreateAsync(userId, name, bytes, cancellationToken);
                results.Add(new FileResult(name, draft.Draft.Id, draft.Parsed.Title, null, null));
            }
            catch (UnreadableDocumentException ex)
            {
                results.Add(new FileResult(name, null, null, UploadLimits.Reason(ex.Message, t), null));
            }
        }
        Results = results;
        Pending = await PendingAsync(cancellationToken);
        if (results.All(r => r.Error is not null)) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private Task<IReadOnlyList<UploadDrafts.Listed>> PendingAsync(CancellationToken cancellationToken) =>
        drafts.OpenForAsync(Infrastructure.Groups.StudyPlans.UserId(User)!, cancellationToken);
}

public static class UploadLimits
{
    /// <summary>The largest upload request: several files of up to the import limit (50 MB by default) each.</summary>
    public const long RequestBytes = 210L * 1024 * 1024;
    public const int FilesPerRequest = 20;

    /// <summary>
    /// The client's file name reduced to a display name: no folders, no control or path characters, at most 120
    /// characters. It is stored as text and offered as the download name; it is never a path on the server.
    /// </summary>
    public static string SafeFileName(string? clientName)
    {
        var name = (clientName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('<' or '>' or ':' or '"' or '|' or '?' or '*')).ToArray()).Trim().TrimStart('.');
        if (name.Length > 120)
        {
            // The end keeps the extension; the cut moves forward past a broken pair rather than leave half a character.
            name = name[^120..];
            if (char.IsLowSurrogate(name[0])) name = name[1..];
        }
        return name.Length == 0 ? "upload.txt" : name;
    }

    /// <summary>The importer's reason in the interface language where it is one of the known ones.</summary>
    public static string Reason(string message, IStringLocalizer<SharedResource> t) => message switch
    {
        var m when m.StartsWith("scanned PDF", StringComparison.Ordinal) => t["Upload.Scanned"],
        var m when m.Contains("empty", StringComparison.Ordinal) => t["Upload.Empty"],
        var m when m.Contains("binary", StringComparison.Ordinal) => t["Upload.Binary"],
        var m when m.Contains("encoding", StringComparison.OrdinalIgnoreCase) || m.Contains("decod", StringComparison.OrdinalIgnoreCase) => t["Upload.Undecodable"],
        var m when m.Contains("characters of text, above", StringComparison.Ordinal) => t["Upload.TooMuchText"],
        var m when m.Contains("unpacks to", StringComparison.Ordinal) || m.Contains("paragraphs, above", StringComparison.Ordinal) || m.Contains("pages, above", StringComparison.Ordinal) => t["Upload.Expands"],
        var m when m.Contains("Word", StringComparison.Ordinal) => t["Upload.BrokenWord"],
        var m when m.Contains("PDF", StringComparison.Ordinal) => t["Upload.BrokenPdf"],
        _ => t["Upload.Refused", message],
    };
}

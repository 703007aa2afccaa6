using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using StudyPortal.Data;
using StudyPortal.Data.Accounts;
using StudyPortal.Data.Library;
using StudyPortal.Data.Editing;
using StudyPortal.Data.Importing;
using StudyPortal.Importer;
using StudyPortal.Importer.Model;
using StudyPortal.Web.Infrastructure;
using StudyPortal.Web.Infrastructure.Accounts;

namespace StudyPortal.Web.Pages.Admin.Upload;

/// <summary>
/// What the importer made of a draft — title block, articles, sections with their first lines, quotations, encoding,
/// every diagnostic, articles already in the library — with the title block open to correction. Confirm stores it in
/// one transaction; cancel throws the draft away.
/// </summary>
public sealed class PreviewModel(PortalDbContext db, UploadDrafts drafts, DocumentStore store, ArticleTwins twins, AuditLog audit, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class TitleForm
    {
        [Required, MaxLength(Document.TitleMaxLength)]
        public string Title { get; set; } = "";

        [MaxLength(Document.SeriesMaxLength)]
        public string? Series { get; set; }

        [MaxLength(Document.IssuerMaxLength)]
        public string? Issuer { get; set; }

        [MaxLength(10), RegularExpression(@"^\d{4}(-\d{2}(-\d{2})?)?$")]
        public string? Date { get; set; }

        /// <summary>The document the admin agreed to replace, ticked in the preview; none when the title is new.</summary>
        public int? Replace { get; set; }

        /// <summary>Replacing a corrected document: replay its corrections where the text is unchanged, or drop them.</summary>
        public bool KeepCorrections { get; set; } = true;
    }

    [BindProperty]
    public TitleForm Form { get; set; } = new();

    public UploadDraft Draft { get; private set; } = null!;
    public ParsedDocument Parsed { get; private set; } = null!;
    public IReadOnlyDictionary<int, IReadOnlyList<ArticleTwins.Twin>> Twins { get; private set; } = new Dictionary<int, IReadOnlyList<ArticleTwins.Twin>>();
    public (int Id, string Title)? Replaces { get; private set; }
    /// <summary>Corrections an admin made to the document this one would replace.</summary>
    public int ReplacesCorrections { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Form = new TitleForm { Title = Parsed.Title, Series = Parsed.Series, Issuer = Parsed.Issuer, Date = Parsed.Date?.ToIso() };
        return Page();
    }

    /// <param name="correctAt">Open the structure editor on the stored document at this section (a review flag's), rather than the document page.</param>
    public async Task<IActionResult> OnPostConfirmAsync(Guid id, int? correctAt, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (!ModelState.IsValid || PartialDate.FromIso(Form.Date) is null && !string.IsNullOrWhiteSpace(Form.Date))
            return Refuse(t["Upload.FormInvalid"], StatusCodes.Status400BadRequest);
        var corrected = Parsed with
        {
            Title = Form.Title.Trim(),
            Series = Blank(Form.Series),
            Issuer = Blank(Form.Issuer),
            Date = PartialDate.FromIso(Blank(Form.Date)),
        };
        // Replacing is a choice made in the preview, of the document it named (none: Form.Replace is empty). The store
        // checks that premise under the library's write lock, so a document of that title that appeared, vanished or
        // changed since the preview is refused there, whoever stored it and whenever.
        var outcome = await store.StoreAsync(corrected, Draft.Bytes, User.Identity!.Name!, expectedDocumentId: Form.Replace ?? 0,
            keepCorrections: Form.KeepCorrections, cancellationToken: cancellationToken);
        if (outcome.Status == ImportStatus.Conflict)
        {
            Replaces = outcome.DocumentId == 0 ? null : (outcome.DocumentId, outcome.Title);
            return Refuse(Form.Replace is null && outcome.DocumentId != 0 ? t["Upload.ReplaceNotChosen", outcome.Title] : t["Upload.ReplaceChanged"]);
        }
        await drafts.DeleteAsync(id, cancellationToken);
        if (outcome.Status == ImportStatus.Unchanged)
        {
            // The same bytes are in the library already (stored from another draft): nothing stored, nothing audited.
            TempData[Flash.Key] = t["Upload.Unchanged", outcome.Title].Value;
            return Stored(outcome.DocumentId, correctAt);
        }
        var replaced = outcome.Status == ImportStatus.Replaced;
        await audit.WriteAsync(User, replaced ? "replace" : "upload", outcome.Title,
            t["Audit.ImportDetails", Draft.FileName, outcome.Articles, outcome.Sections, outcome.Quotations], cancellationToken);
        TempData[Flash.Key] = t[replaced ? "Upload.Replaced" : "Upload.Stored", outcome.Title, outcome.Articles, outcome.Sections, outcome.Quotations].Value
            + (outcome.CorrectionsKept + outcome.CorrectionsDropped > 0 ? t["AdminDocs.CorrectionsKept", outcome.CorrectionsKept, outcome.CorrectionsDropped].Value : "");
        return Stored(outcome.DocumentId, correctAt);
    }

    private RedirectToPageResult Stored(int documentId, int? correctAt) => correctAt is int at
        ? RedirectToPage("/Admin/Documents/Edit", new { id = documentId, at })
        : RedirectToPage("/Documents/Index", new { id = documentId });

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken)
    {
        await drafts.DeleteAsync(id, cancellationToken);
        TempData[Flash.Key] = t["Upload.Cancelled"].Value;
        return RedirectToPage("/Admin/Upload/Index");
    }

    private PageResult Refuse(string message, int status = StatusCodes.Status409Conflict)
    {
        Error = message;
        Response.StatusCode = status;
        return Page();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await drafts.FindAsync(id, cancellationToken) is not { } open) return false;
        (Draft, Parsed) = (open.Draft, open.Parsed);
        var byArticle = new Dictionary<int, IReadOnlyList<ArticleTwins.Twin>>();
        for (var i = 0; i < Parsed.Articles.Count; i++)
        {
            var found = await twins.FindAsync(ArticleFingerprint.Of(Parsed.Articles[i]), null, cancellationToken);
            if (found.Count > 0) byArticle[i] = found;
        }
        Twins = byArticle;
        var title = string.IsNullOrWhiteSpace(Form.Title) ? Parsed.Title : Form.Title.Trim();
        // As the store finds the document to replace: by its title, or by the title it was imported under before an admin changed it.
        var existing = await DocumentStore.Replaced(db.Documents.AsNoTracking(), title).Select(d => new { d.Id, d.Title }).FirstOrDefaultAsync(cancellationToken);
        Replaces = existing is null ? null : (existing.Id, existing.Title);
        ReplacesCorrections = existing is null ? 0 : await DocumentEditor.Standing(db.DocumentEdits).CountAsync(e => e.DocumentId == existing.Id, cancellationToken);
        return true;
    }
}

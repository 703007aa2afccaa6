using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using StudyPortal.Data;
using StudyPortal.Data.Accounts;
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
public sealed class PreviewModel(PortalDbContext db, DocumentParser parser, DocumentStore store, ArticleTwins twins, AuditLog audit, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class TitleForm
    {
        [Required, MaxLength(500)]
        public string Title { get; set; } = "";

        [MaxLength(200)]
        public string? Series { get; set; }

        [MaxLength(200)]
        public string? Issuer { get; set; }

        [MaxLength(10), RegularExpression(@"^\d{4}(-\d{2}(-\d{2})?)?$")]
        public string? Date { get; set; }
    }

    [BindProperty]
    public TitleForm Form { get; set; } = new();

    public UploadDraft Draft { get; private set; } = null!;
    public ParsedDocument Parsed { get; private set; } = null!;
    public IReadOnlyDictionary<int, IReadOnlyList<ArticleTwins.Twin>> Twins { get; private set; } = new Dictionary<int, IReadOnlyList<ArticleTwins.Twin>>();
    public (int Id, string Title)? Replaces { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Form = new TitleForm { Title = Parsed.Title, Series = Parsed.Series, Issuer = Parsed.Issuer, Date = Parsed.Date?.ToIso() };
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (!ModelState.IsValid || PartialDate.FromIso(Form.Date) is null && !string.IsNullOrWhiteSpace(Form.Date))
        {
            Error = t["Upload.FormInvalid"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var corrected = Parsed with
        {
            Title = Form.Title.Trim(),
            Series = Blank(Form.Series),
            Issuer = Blank(Form.Issuer),
            Date = PartialDate.FromIso(Blank(Form.Date)),
        };
        var outcome = await store.StoreAsync(corrected, Draft.Bytes, User.Identity!.Name!, cancellationToken: cancellationToken);
        await db.UploadDrafts.Where(d => d.Id == id).ExecuteDeleteAsync(cancellationToken);
        var action = outcome.Status == ImportStatus.Replaced ? "replace" : "upload";
        await audit.WriteAsync(User, action, outcome.Title, $"{Draft.FileName}: {outcome.Articles} articles, {outcome.Sections} sections, {outcome.Quotations} quotations", cancellationToken);
        return Redirect($"/documents/{outcome.DocumentId}");
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken)
    {
        await db.UploadDrafts.Where(d => d.Id == id).ExecuteDeleteAsync(cancellationToken);
        return Redirect("/admin/upload");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var draft = await db.UploadDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (draft is null) return false;
        Draft = draft;
        Parsed = parser.Parse(draft.Bytes, draft.FileName);
        var byArticle = new Dictionary<int, IReadOnlyList<ArticleTwins.Twin>>();
        for (var i = 0; i < Parsed.Articles.Count; i++)
        {
            var found = await twins.FindAsync(ArticleFingerprint.Of(Parsed.Articles[i]), null, cancellationToken);
            if (found.Count > 0) byArticle[i] = found;
        }
        Twins = byArticle;
        var title = string.IsNullOrWhiteSpace(Form.Title) ? Parsed.Title : Form.Title.Trim();
        var existing = await db.Documents.AsNoTracking().Where(d => d.Title == title).Select(d => new { d.Id, d.Title }).FirstOrDefaultAsync(cancellationToken);
        Replaces = existing is null ? null : (existing.Id, existing.Title);
        return true;
    }

    
}

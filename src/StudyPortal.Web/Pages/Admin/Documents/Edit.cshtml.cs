using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using StudyPortal.Data;
using StudyPortal.Data.Editing;
using StudyPortal.Data.Library;
using StudyPortal.Data.Importing;
using StudyPortal.Importer.Editing;
using StudyPortal.Importer.Model;
using StudyPortal.Web.Infrastructure;

namespace StudyPortal.Web.Pages.Admin.Documents;

/// <summary>
/// The structure editor: a stored document's outline and one section at a time, each correction a small form posted
/// with the revision it was made on. Applied edits redirect back to the section they took effect in; refused ones
/// show why (and, on a conflict, what changed since) with the document as it is now.
/// </summary>
public sealed class EditModel(PortalDbContext db, DocumentEditor editor, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>One correction as the forms post it; which fields count depends on <see cref="Kind"/>.</summary>
    public sealed class EditInput
    {
        public int Revision { get; set; }
        public EditKind Kind { get; set; }
        public string? Section { get; set; }
        public int? Paragraph { get; set; }
        public int? Article { get; set; }
        public string? Expected { get; set; }
        public string? Text { get; set; }
        public int? TargetArticle { get; set; }
        public string? Series { get; set; }
        public string? Issuer { get; set; }
        public string? Date { get; set; }
        public string? Speaker { get; set; }
        public string? Occasion { get; set; }

        public StructureEdit ToEdit() => new(Kind)
        {
            Section = Section, Paragraph = Paragraph, Article = Article, Expected = Expected, Text = Text, TargetArticle = TargetArticle,
            Series = Series, Issuer = Issuer, Date = Date, Speaker = Speaker, Occasion = Occasion,
        };
    }

    /// <summary>A paragraph an earlier step deleted, with the step to restore it from.</summary>
    public sealed record Deletion(long Id, string Text, string? SectionHeading, DateTime AtUtc, string UserName);

    [BindProperty]
    public EditInput Input { get; set; } = new();

    public int DocumentId { get; private set; }
    public int Revision { get; private set; }
    public ParsedDocument Tree { get; private set; } = null!;
    public IReadOnlyList<string> Keys { get; private set; } = [];
    /// <summary>The section shown, by its position in the document.</summary>
    public int Current { get; private set; }
    public string CurrentKey => Keys.Count == 0 ? "" : Keys[Current];
    public IReadOnlyList<DocumentEdit> History { get; private set; } = [];
    public DocumentEdit? Undoable { get; private set; }
    public IReadOnlyList<Deletion> Deleted { get; private set; } = [];
    public string? Error { get; private set; }
    public IReadOnlyList<DocumentEdit> Conflicts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, string? section, int? at, CancellationToken cancellationToken) =>
        await LoadAsync(id, section, at, cancellationToken) ? Page() : NotFound();

    /// <summary>A post without a handler names no edit.</summary>
    public IActionResult OnPost() => BadRequest();

    public async Task<IActionResult> OnPostEditAsync(int id, string? section, CancellationToken cancellationToken) =>
        await RespondAsync(id, section, Input.Kind == EditKind.RestoreParagraph
            ? new EditOutcome(EditStatus.Invalid, Input.Revision, ErrorCode: "Unknown")
            : await editor.ApplyAsync(id, Input.Revision, Input.ToEdit(), User.Identity!.Name!, cancellationToken), Input.Kind.ToString(), cancellationToken);

    public async Task<IActionResult> OnPostUndoAsync(int id, int revision, string? section, CancellationToken cancellationToken) =>
        await RespondAsync(id, section, await editor.UndoAsync(id, revision, User.Identity!.Name!, cancellationToken), DocumentEdit.UndoKind, cancellationToken);

    public async Task<IActionResult> OnPostRestoreAsync(int id, int revision, long deletion, string? section, CancellationToken cancellationToken) =>
        await RespondAsync(id, section, await editor.RestoreAsync(id, revision, deletion, User.Identity!.Name!, cancellationToken),
            nameof(EditKind.RestoreParagraph), cancellationToken);

    private async Task<IActionResult> RespondAsync(int id, string? section, EditOutcome outcome, string kind, CancellationToken cancellationToken)
    {
        switch (outcome.Status)
        {
            case EditStatus.NotFound:
                return NotFound();
            case EditStatus.Applied:
                TempData[Flash.Key] = t["Editor.Applied", t["Audit.edit." + kind].Value].Value;
                return RedirectToPage("/Admin/Documents/Edit", null, new { id, section = outcome.Section ?? section }, null);
            case EditStatus.Conflict:
                Error = t["Editor.Conflict"].Value;
                Conflicts = outcome.Changes ?? [];
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
            default:
                var message = t["Edit." + outcome.ErrorCode];
                Error = message.ResourceNotFound ? t["Edit.Unknown"].Value : message.Value;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
        }
        // The form shows the document as it is now, with the revision it is at: the admin checks and tries again.
        ModelState.Clear();
        return await LoadAsync(id, section, null, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, string? section, int? at, CancellationToken cancellationToken)
    {
        var revision = await db.Documents.AsNoTracking().Where(d => d.Id == id).Select(d => (int?)d.Revision).FirstOrDefaultAsync(cancellationToken);
        if (revision is null || await StoredTree.LoadAsync(db, id, cancellationToken) is not { } stored) return false;
        (DocumentId, Revision, Tree, Keys) = (id, revision.Value, stored.Document, stored.SectionKeys);
        Current = section is not null && Keys.ToList().IndexOf(section) is >= 0 and var found ? found : at is int position && position >= 0 && position < Keys.Count ? position : 0;

        var edits = await db.DocumentEdits.AsNoTracking().Where(e => e.DocumentId == id).OrderByDescending(e => e.Revision).ToListAsync(cancellationToken);
        History = edits.Take(30).ToList();
        Undoable = edits.FirstOrDefault(e => e.Kind != DocumentEdit.UndoKind && e.UndoneAtUtc is null) is { SnapshotJson: not null } last ? last : null;
        var restored = edits.Where(e => e.Restores is not null && e.UndoneAtUtc is null).Select(e => e.Restores!.Value).ToHashSet();
        var sections = Tree.AllSections.ToList();
        var headings = Keys.Select((key, i) => (key, i)).ToDictionary(k => k.key, k => sections[k.i].Heading);
        Deleted = edits.Where(e => e.Kind == nameof(EditKind.DeleteParagraph) && e.UndoneAtUtc is null && !restored.Contains(e.Id))
            .Select(e => (Row: e, Edit: DocumentEditor.Read(e)))
            .Select(d => new Deletion(d.Row.Id, d.Edit.Expected ?? "", d.Edit.Section is not null ? headings.GetValueOrDefault(d.Edit.Section) : null, d.Row.AtUtc, d.Row.UserName))
            .ToList();
        return true;
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using StudyPortal.Data;
using StudyPortal.Data.Highlights;
using StudyPortal.Web.Infrastructure.Accounts;

namespace StudyPortal.Web.Pages.Highlights;

/// <summary>我的笔记: all of one's highlights and notes, newest first, filtered and searched; exported as Markdown or Word.</summary>
public sealed class IndexModel(NoteList notes, PortalDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "document")]
    public int? DocumentId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Color { get; set; }

    [BindProperty(SupportsGet = true, Name = "group")]
    public int? GroupId { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<NoteList.Note> Items { get; private set; } = [];
    public IReadOnlyList<(int Id, string Title)> Documents { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = User.RequiredUserId();
        Items = await notes.ListAsync(me, Filter(), cancellationToken);
        Documents = (await db.Highlights.AsNoTracking().Where(h => h.UserId == me && h.DocumentId != null).Select(h => h.DocumentId!.Value).Distinct()
            .Join(db.Documents, id => id, d => d.Id, (id, d) => new { d.Id, d.Title }).OrderBy(d => d.Title).ToListAsync(cancellationToken)).Select(d => (d.Id, d.Title)).ToList();
        Groups = (await db.GroupMembers.AsNoTracking().Where(m => m.UserId == me).Select(m => new { m.GroupId, m.Group!.Name }).OrderBy(g => g.Name)
            .ToListAsync(cancellationToken)).Select(g => (g.GroupId, g.Name)).ToList();
    }

    public async Task<IActionResult> OnGetMarkdownAsync(CancellationToken cancellationToken)
    {
        var items = await notes.ListAsync(User.RequiredUserId(), Filter(), cancellationToken);
        var text = NoteExport.Markdown(items, t["Notes.Title"].Value, t["Notes.NoteLabel"].Value, t["Notes.Orphaned"].Value);
        return File(System.Text.Encoding.UTF8.GetBytes(text), "text/markdown; charset=utf-8", t["Notes.FileName"].Value + ".md");
    }

    public async Task<IActionResult> OnGetDocxAsync(CancellationToken cancellationToken)
    {
        var items = await notes.ListAsync(User.RequiredUserId(), Filter(), cancellationToken);
        return File(NoteExport.Docx(items, t["Notes.Title"].Value, t["Notes.NoteLabel"].Value, t["Notes.Orphaned"].Value),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", t["Notes.FileName"].Value + ".docx");
    }

    private NoteList.Filter Filter() =>
        new(DocumentId, HighlightColors.Parse(Color), GroupId, Query is { Length: > 0 } q ? Infrastructure.UserText.Cut(q, 100) : null);
}

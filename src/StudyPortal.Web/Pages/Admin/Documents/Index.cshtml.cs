using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StudyPortal.Data;
using StudyPortal.Data.Library;
using StudyPortal.Data.Editing;
using StudyPortal.Data.Importing;
using StudyPortal.Importer;
using StudyPortal.Importer.Model;
using StudyPortal.Web.Infrastructure.Accounts;

namespace StudyPortal.Web.Pages.Admin.Documents;

/// <summary>Every document with its counts, import facts and diagnostics; download, re-import, delete.</summary>
public sealed class IndexModel(PortalDbContext db, DocumentImporter importer, AuditLog audit, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record Row(int Id, string Title, string? Series, string FileName, string Encoding, long SizeBytes, DateTime ImportedAtUtc, string ImportedBy,
        int Articles, int Sections, int Paragraphs, int Quotations, IReadOnlyList<Diagnostic> Diagnostics, int Corrections);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Documents.AsNoTracking().OrderByDescending(d => d.ImportedAtUtc).Select(d => new
        {
            d.Id, d.Title, d.Series, d.FileName, d.Encoding, d.SizeBytes, d.ImportedAtUtc, d.ImportedBy, d.DiagnosticsJson,
            Articles = d.Articles.Count, Sections = d.Sections.Count, Paragraphs = db.Paragraphs.Count(p => p.Section!.DocumentId == d.Id), Quotations = d.Quotations.Count,
        }).ToListAsync(cancellationToken);
        var corrections = await DocumentEditor.Standing(db.DocumentEdits).GroupBy(e => e.DocumentId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        Rows = rows.Select(r => new Row(r.Id, r.Title, r.Series, r.FileName, r.Encoding, r.SizeBytes, r.ImportedAtUtc, r.ImportedBy,
            r.Articles, r.Sections, r.Paragraphs, r.Quotations, JsonSerializer.Deserialize<List<Diagnostic>>(r.DiagnosticsJson) ?? [], corrections.GetValueOrDefault(r.Id))).ToList();

        // Review flags name their section by position; its key links the flag to the place in the reader.
        var flagged = Rows.Where(r => r.Diagnostics.Any(d => ReviewFlags.IsFlag(d) && d.Section is not null)).Select(r => r.Id).ToList();
        SectionKeys = (await db.Sections.AsNoTracking().Where(s => flagged.Contains(s.DocumentId))
                .Select(s => new { s.DocumentId, s.Position, s.Key }).ToListAsync(cancellationToken))
            .ToDictionary(s => (s.DocumentId, s.Position), s => s.Key);
    }

    /// <summary>Section keys by document and position, for the documents that have review flags.</summary>
    public IReadOnlyDictionary<(int Document, int Position), string> SectionKeys { get; private set; } = new Dictionary<(int, int), string>();

    public async Task<IActionResult> OnGetOriginalAsync(int id, CancellationToken cancellationToken)
    {
        var file = await db.Documents.AsNoTracking().Where(d => d.Id == id).Select(d => new { d.FileName, d.File!.Content }).FirstOrDefaultAsync(cancellationToken);
        if (file is null) return NotFound();
        // The stored name is only ever a download name (the browser gets it escaped), never a path on this machine.
        return File(file.Content, ContentTypes.For(file.FileName), file.FileName);
    }

    /// <param name="keep">For a corrected document: replay the corrections whose text is unchanged (the default), or drop them all.</param>
    public async Task<IActionResult> OnPostReimportAsync(int id, bool keep = true, CancellationToken cancellationToken = default)
    {
        var result = await importer.ReimportAsync(id, User.Identity!.Name!, keep, cancellationToken);
        if (!result.Succeeded && result.Error == "the document does not exist") return NotFound();
        if (!result.Succeeded)
        {
            Message = $"✗ {result.Path}: {result.Error}";
            return RedirectToPage();
        }
        var outcome = result.Outcome!;
        var corrections = outcome.CorrectionsKept + outcome.CorrectionsDropped > 0 ? t["AdminDocs.CorrectionsKept", outcome.CorrectionsKept, outcome.CorrectionsDropped].Value : null;
        await audit.WriteAsync(User, "reimport", outcome.Title, string.Join("；", new[] { t["Audit.SectionCount", outcome.Sections].Value, corrections }.OfType<string>()), cancellationToken);
        Message = corrections is null ? $"✓ {outcome.Title}" : $"✓ {outcome.Title}（{corrections}）";
        return RedirectToPage();
    }
}

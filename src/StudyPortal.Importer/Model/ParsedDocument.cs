namespace StudyPortal.Importer.Model;

/// <summary>The importer's whole result: structure, what was dropped, and what it had to guess.</summary>
public sealed record ParsedDocument(
    string FileName,
    string Encoding,
    string Title,
    string? Subtitle,
    string? Series,
    string? Issuer,
    PartialDate? Date,
    IReadOnlyList<ParsedArticle> Articles,
    IReadOnlyList<ParsedQuotation> Quotations,
    IReadOnlyList<DroppedBlock> Dropped,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public IEnumerable<ParsedSection> AllSections => Articles.SelectMany(a => a.Sections);
}

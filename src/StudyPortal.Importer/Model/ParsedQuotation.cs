namespace StudyPortal.Importer.Model;

/// <summary>A passage attributed to a speaker; indexes point into <see cref="ParsedDocument.Articles"/>.</summary>
public sealed record ParsedQuotation(
    string Text,
    string? Speaker,
    PartialDate? Date,
    PartialDate? DateEnd,
    string? Occasion,
    string? Theme,
    int Article,
    int Section,
    int Paragraph)
{
    /// <summary>The list number the text gave the passage (`1、`, `（1）`, `①`), kept apart from its words.</summary>
    public string? Enumerator { get; init; }
}

namespace StudyPortal.Data.Library;

/// <summary>A passage attributed to a speaker, linked to the paragraph it came from.</summary>
public sealed class Quotation
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public Document? Document { get; set; }
    public int SectionId { get; set; }
    public Section? Section { get; set; }
    public int ParagraphId { get; set; }
    public Paragraph? Paragraph { get; set; }
    public int Position { get; set; }
    public required string Text { get; set; }
    public string? Speaker { get; set; }
    public string? Date { get; set; }
    public string? DateEnd { get; set; }
    public int? Year { get; set; }
    public string? Occasion { get; set; }
    public string? Theme { get; set; }

    /// <summary>The list number the text gave the passage (`1`, `①`, `一`), apart from its words.</summary>
    public string? Enumerator { get; set; }
}

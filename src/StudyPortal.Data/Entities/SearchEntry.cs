namespace StudyPortal.Data.Entities;

/// <summary>
/// One searchable text: a paragraph, a heading, a title or a quotation. Its id is the rowid of both full-text
/// tables (SearchTrigrams, SearchGrams), which are created by raw SQL in the migrations.
/// </summary>
public sealed class SearchEntry
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public int SectionId { get; set; }
    public int? ParagraphPosition { get; set; }
    public SearchKind Kind { get; set; }
    public int? Year { get; set; }
    public required string Text { get; set; }
}

/// <summary>What a search entry is; the order is the ranking order (titles first).</summary>
public enum SearchKind
{
    Title = 0,
    Heading = 1,
    Quotation = 2,
    Body = 3,
}

namespace StudyPortal.Data.Search;

/// <summary>
/// One searchable text: a paragraph, a heading, a title or a quotation. Its id is the rowid of the full-text
/// table (SearchGrams), which is created by raw SQL in the migrations. Ids are given in ranking
/// order — titles and headings, then quotations, then body text, each in import order — so the first rows of a
/// match are its best ones and a search never has to sort or even read all of a frequent term's hits.
/// </summary>
public sealed class SearchEntry
{
    public long Id { get; set; }
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

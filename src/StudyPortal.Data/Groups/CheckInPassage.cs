namespace StudyPortal.Data.Groups;

/// <summary>
/// A marked passage attached to a check-in: the member's highlight, with its text and place copied, so the record
/// (学习台账) keeps what was attached even if the highlight is later changed or deleted.
/// </summary>
public sealed class CheckInPassage
{
    public long Id { get; set; }
    public int CheckInId { get; set; }
    /// <summary>The highlight it came from; null once that highlight is deleted.</summary>
    public long? HighlightId { get; set; }
    public int Position { get; set; }
    public required string SectionKey { get; set; }
    public int Paragraph { get; set; }
    public required string Exact { get; set; }
    public string? Note { get; set; }
}

namespace StudyPortal.Data.Accounts;

/// <summary>
/// How far one person has read one section. Keyed by the section's stable key, not its row id, so progress survives
/// a re-import of the document.
/// </summary>
public sealed class ReadingProgress
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string SectionKey { get; set; }
    public DateTime OpenedAtUtc { get; set; }
    public DateTime LastReadAtUtc { get; set; }
    /// <summary>When the reader last reached the end of the section; null while they never have.</summary>
    public DateTime? CompletedAtUtc { get; set; }
    /// <summary>The paragraph position last on screen, to continue from.</summary>
    public int LastParagraph { get; set; }
    /// <summary>When the section was last opened (the page's first report): reaching its end counts from here.</summary>
    public DateTime? VisitStartedAtUtc { get; set; }

}

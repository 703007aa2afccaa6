namespace StudyPortal.Data.Highlights;

/// <summary>
/// A passage a reader marked, with an optional note: private to its owner, or shared with one of their study groups.
/// Anchored as the W3C Web Annotation model does — the exact text with some characters before and after it (a
/// text-quote selector) — plus the paragraph and offsets as a hint; when the document is replaced or edited the
/// highlight is found again by its quote (<see cref="HighlightAnchors"/>), and one whose text is gone is kept as
/// orphaned, never dropped.
/// </summary>
public sealed class Highlight
{
    public const int ExactMaxLength = 2_000;
    public const int NoteMaxLength = 2_000;

    public long Id { get; set; }
    public required string UserId { get; set; }
    /// <summary>Null once the document was deleted: the highlight stays, orphaned, with its text and note.</summary>
    public int? DocumentId { get; set; }
    /// <summary>The section it is in now; unchanged while orphaned (where it last was).</summary>
    public required string SectionKey { get; set; }
    /// <summary>Position of the paragraph within the section, and UTF-16 offsets within its text: where the quote was last found.</summary>
    public int Paragraph { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
    public required string Exact { get; set; }
    public string Prefix { get; set; } = "";
    public string Suffix { get; set; } = "";
    public HighlightColor Color { get; set; }
    public string? Note { get; set; }
    /// <summary>The study group it is shared with; null while private.</summary>
    public int? GroupId { get; set; }
    /// <summary>Whether the group sees the owner's name with it (the owner's choice; shared items are nameless by default).</summary>
    public bool Named { get; set; }
    /// <summary>
    /// The assignment a leader of its group pinned it to: it is then shown to every member reading that assignment's
    /// sections as the leader's note. Cleared when the sharing changes or the assignment is deleted.
    /// </summary>
    public int? AssignmentId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    /// <summary>Set when an edit or a replacement left no place where the quote reads; cleared when it is found again.</summary>
    public DateTime? OrphanedAtUtc { get; set; }
}

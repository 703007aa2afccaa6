namespace StudyPortal.Data.Accounts;

/// <summary>
/// One opening of a section by a reader and the time spent on it (the gaps between the page's reports, each up to an
/// idle limit). Kept per visit so that a leader is shown only the reading done since an assignment was made.
/// </summary>
public sealed class ReadingVisit
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string SectionKey { get; set; }
    public DateTime StartedAtUtc { get; set; }
    public int Seconds { get; set; }
}

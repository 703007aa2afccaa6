namespace StudyPortal.Data.Groups;

/// <summary>
/// One section of an assignment, by its stable key, with the titles it had when assigned: after a re-import the
/// key still finds the section; a section that no longer exists is shown by these titles as such.
/// </summary>
public sealed class AssignmentSection
{
    public int AssignmentId { get; set; }
    public required string SectionKey { get; set; }
    public int Position { get; set; }
    public required string DocumentTitle { get; set; }
    public required string ArticleTitle { get; set; }
    public required string Heading { get; set; }
}

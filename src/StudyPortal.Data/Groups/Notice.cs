namespace StudyPortal.Data.Groups;

/// <summary>An in-portal notice (the bell): a new assignment, a due date close, a leader's comment.</summary>
public sealed class Notice
{
    public const int KindMaxLength = 20;
    public const int TextMaxLength = 500;
    public const int LinkMaxLength = 200;

    public long Id { get; set; }
    public required string UserId { get; set; }
    /// <summary>assignment, due-soon, comment.</summary>
    public required string Kind { get; set; }
    /// <summary>What the notice is about (an assignment id): with Kind and UserId it makes a notice unique.</summary>
    public int SubjectId { get; set; }
    public required string Text { get; set; }
    public required string Link { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ReadAtUtc { get; set; }
}

namespace StudyPortal.Data.Groups;

/// <summary>
/// Sections to study by a due date. The due date is a calendar day in the portal's time zone: the assignment is
/// overdue from the midnight that ends it.
/// </summary>
public sealed class Assignment
{
    public const int TitleMaxLength = 200;
    public const int MessageMaxLength = 4000;
    /// <summary>The most marked passages a leader may ask for in one check-in.</summary>
    public const int MaxRequiredPassages = 10;

    public int Id { get; set; }
    public int GroupId { get; set; }
    public StudyGroup? Group { get; set; }
    public required string Title { get; set; }
    /// <summary>The leader's message, Markdown (rendered safely).</summary>
    public string? Message { get; set; }
    public DateOnly DueDate { get; set; }
    /// <summary>A check-in's reflection must have at least this many characters (不少于…字; whitespace not counted); 0: any.</summary>
    public int MinimumReflectionLength { get; set; }
    /// <summary>A check-in must attach at least this many of the member's highlights in the assigned sections; 0: none.</summary>
    public int RequiredPassages { get; set; }
    public required string CreatedById { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public List<AssignmentSection> Sections { get; set; } = [];
    public List<CheckIn> CheckIns { get; set; } = [];
}

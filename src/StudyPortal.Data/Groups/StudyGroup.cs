namespace StudyPortal.Data.Groups;

/// <summary>A study group (学习小组), often one per party branch or department.</summary>
public sealed class StudyGroup
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 1000;

    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public List<GroupMember> Members { get; set; } = [];
    public List<Assignment> Assignments { get; set; } = [];
}

/// <summary>A person in a group; a group may have several leaders.</summary>
public sealed class GroupMember
{
    public int GroupId { get; set; }
    public StudyGroup? Group { get; set; }
    public required string UserId { get; set; }
    public Accounts.PortalUser? User { get; set; }
    public bool IsLeader { get; set; }
    public DateTime AddedAtUtc { get; set; }
}

/// <summary>
/// Sections to study by a due date. The due date is a calendar day in the portal's time zone: the assignment is
/// overdue from the midnight that ends it.
/// </summary>
public sealed class Assignment
{
    public const int TitleMaxLength = 200;
    public const int MessageMaxLength = 4000;

    public int Id { get; set; }
    public int GroupId { get; set; }
    public StudyGroup? Group { get; set; }
    public required string Title { get; set; }
    /// <summary>The leader's message, Markdown (rendered safely).</summary>
    public string? Message { get; set; }
    public DateOnly DueDate { get; set; }
    public required string CreatedById { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public List<AssignmentSection> Sections { get; set; } = [];
    public List<CheckIn> CheckIns { get; set; } = [];
}

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

/// <summary>A member's check-in (打卡) on an assignment, with their reflection (学习心得) and the leader's comment.</summary>
public sealed class CheckIn
{
    public const int ReflectionMaxLength = 4000;
    public const int LeaderCommentMaxLength = 2000;

    public int Id { get; set; }
    public int AssignmentId { get; set; }
    public Assignment? Assignment { get; set; }
    public required string UserId { get; set; }
    /// <summary>Markdown, a few sentences; optional.</summary>
    public string? Reflection { get; set; }
    public DateTime CheckedInAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string? LeaderComment { get; set; }
    public string? CommentedBy { get; set; }
    public DateTime? CommentedAtUtc { get; set; }
}

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

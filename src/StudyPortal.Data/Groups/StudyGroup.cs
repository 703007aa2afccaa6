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

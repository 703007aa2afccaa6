namespace StudyPortal.Data.Groups;

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
    /// <summary>The passages the member marked in the assigned text and attached, in the order they chose them.</summary>
    public List<CheckInPassage> Passages { get; set; } = [];

    /// <summary>A reflection's length as 字数 are counted: characters (an emoji is one), whitespace not counted.</summary>
    public static int Length(string? reflection) =>
        reflection is null ? 0 : reflection.EnumerateRunes().Count(r => !System.Text.Rune.IsWhiteSpace(r));
}

namespace StudyPortal.Data.Groups;

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

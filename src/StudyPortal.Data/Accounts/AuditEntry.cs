namespace StudyPortal.Data.Accounts;

/// <summary>One thing an admin did to documents or accounts: who, what, to what, when.</summary>
public sealed class AuditEntry
{
    public const int UserNameMaxLength = 256;
    public const int ActionMaxLength = 40;
    public const int SubjectMaxLength = 500;

    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public required string UserName { get; set; }
    /// <summary>A fixed word: upload, replace, reimport, delete, user.create, user.roles, user.disable, …</summary>
    public required string Action { get; set; }
    public required string Subject { get; set; }
    public string? Details { get; set; }
}

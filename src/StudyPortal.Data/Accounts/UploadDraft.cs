namespace StudyPortal.Data.Accounts;

/// <summary>
/// An uploaded file waiting for the admin's confirmation. Kept in the database (not in memory or a temp folder) so a
/// preview survives a restart and works behind several web servers; confirming or cancelling removes it.
/// </summary>
public sealed class UploadDraft
{
    public const int FileNameMaxLength = 260;

    public Guid Id { get; set; }
    public required string UserId { get; set; }
    public required string FileName { get; set; }
    public required byte[] Bytes { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

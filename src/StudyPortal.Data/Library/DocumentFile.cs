namespace StudyPortal.Data.Library;

/// <summary>The original upload, kept apart so listing documents never loads file contents.</summary>
public sealed class DocumentFile
{
    public int DocumentId { get; set; }
    public required byte[] Content { get; set; }
}

namespace StudyPortal.Data.Library;

/// <summary>
/// The library's revision, one row, moved in the same transaction as every import, replacement and deletion: web nodes
/// sharing a database compare it with what their caches were built from (<see cref="LibraryVersion"/>).
/// </summary>
public sealed class LibraryState
{
    public const int SingletonId = 1;

    public int Id { get; set; }
    public long Revision { get; set; }
}

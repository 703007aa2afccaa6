namespace StudyPortal.Data;

/// <summary>
/// A counter that moves whenever the library's content changes in this process (an import, a replacement, a deletion),
/// so caches of immutable content can name the version they were built from, or be told to forget.
/// </summary>
public sealed class LibraryVersion
{
    private long _current;

    public long Current => Interlocked.Read(ref _current);

    /// <summary>Raised after the version moved.</summary>
    public event Action? Changed;

    public void Bump()
    {
        Interlocked.Increment(ref _current);
        Changed?.Invoke();
    }
}

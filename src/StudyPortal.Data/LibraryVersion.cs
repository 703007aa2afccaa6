using System.Threading.Channels;

namespace StudyPortal.Data;

/// <summary>
/// A counter that moves whenever the library's content changes in this process (an import, a replacement, an edit, a
/// deletion), so caches of immutable content can name the version they were built from, or be told to forget.
/// Subscribers hear of changes through their own channel, read on their own time: <see cref="Bump"/> runs right after
/// a commit and only writes to the channels, so a slow or failing subscriber can neither hold up nor fail the change
/// it announces.
/// </summary>
public sealed class LibraryVersion
{
    private long _current;
    private readonly Lock _lock = new();
    private readonly List<Channel<long>> _subscribers = [];

    public long Current => Interlocked.Read(ref _current);

    /// <summary>
    /// The versions from now on, for one reader. Changes that come faster than it reads are coalesced: it gets at
    /// least the latest, which is all a cache needs to know.
    /// </summary>
    public ChannelReader<long> Subscribe()
    {
        var channel = Channel.CreateBounded<long>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_lock) _subscribers.Add(channel);
        return channel.Reader;
    }

    public void Unsubscribe(ChannelReader<long> changes)
    {
        lock (_lock) _subscribers.RemoveAll(c => c.Reader == changes);
    }

    public void Bump()
    {
        var current = Interlocked.Increment(ref _current);
        lock (_lock)
        {
            foreach (var subscriber in _subscribers) subscriber.Writer.TryWrite(current);
        }
    }
}

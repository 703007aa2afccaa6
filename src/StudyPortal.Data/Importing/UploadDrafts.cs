using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using StudyPortal.Data.Accounts;
using StudyPortal.Importer;
using StudyPortal.Importer.Model;

namespace StudyPortal.Data.Importing;

/// <summary>
/// Uploaded files waiting for an admin's confirmation. A draft is parsed once, when it is made; its preview's GETs and
/// POSTs take that parse from the cache (a node that has not seen it, or a restart, parses it once again). Drafts
/// expire after <see cref="UploadOptions.DraftLifetimeHours"/> (the web app's sweeper removes them).
/// </summary>
public sealed class UploadDrafts(PortalDbContext db, DocumentParser parser, DocumentStore store, UploadDrafts.ParseCache parses, TimeProvider time, IOptions<UploadOptions> options)
{
    public enum ReceiveStatus
    {
        Draft,
        /// <summary>The same bytes are a document already: <see cref="Received.DocumentId"/>.</summary>
        AlreadyInLibrary,
        /// <summary>Not a file the importer can read: <see cref="Received.Reason"/>.</summary>
        Refused,
    }

    /// <summary>What became of one uploaded file.</summary>
    public sealed record Received(ReceiveStatus Status, Open? Draft = null, int? DocumentId = null, string? Title = null,
        UnreadableReason Reason = UnreadableReason.Other, string? Message = null);

    /// <summary>
    /// One uploaded file: a document already in the library (by its bytes), a file the importer cannot read (with the
    /// reason), or a new draft, parsed once, for the preview.
    /// </summary>
    public async Task<Received> ReceiveAsync(string userId, string fileName, byte[] bytes, CancellationToken cancellationToken)
    {
        if (await store.FindSameContentAsync(DocumentStore.ContentHash(bytes), cancellationToken) is { } same)
            return new Received(ReceiveStatus.AlreadyInLibrary, DocumentId: same.Id, Title: same.Title);
        try
        {
            return new Received(ReceiveStatus.Draft, await CreateAsync(userId, fileName, bytes, cancellationToken));
        }
        catch (UnreadableDocumentException ex)
        {
            return new Received(ReceiveStatus.Refused, Reason: ex.Reason, Message: ex.Message);
        }
    }

    /// <summary>
    /// Drafts' parses, in a cache of their own bounded by the size of the files they came from (128 MB of files), so
    /// a few large uploads can neither grow the process without limit nor push the readers' chapters out of theirs.
    /// </summary>
    public sealed class ParseCache : IDisposable
    {
        public MemoryCache Cache { get; } = new(new MemoryCacheOptions { SizeLimit = 128L * 1024 * 1024 });

        public void Dispose() => Cache.Dispose();
    }

    private MemoryCache Parses => parses.Cache;

    public sealed record Open(UploadDraft Draft, ParsedDocument Parsed);

    /// <summary>A draft's row without its bytes, for lists.</summary>
    public sealed record Listed(Guid Id, string FileName, DateTime CreatedAtUtc, DateTime ExpiresAtUtc);

    private DateTime Now => time.GetUtcNow().UtcDateTime;
    private TimeSpan Lifetime => TimeSpan.FromHours(options.Value.DraftLifetimeHours);

    /// <summary>Parses the file and keeps it as a draft; throws <see cref="UnreadableDocumentException"/> for a file that cannot be imported.</summary>
    public async Task<Open> CreateAsync(string userId, string fileName, byte[] bytes, CancellationToken cancellationToken)
    {
        var parsed = parser.Parse(bytes, fileName);
        var draft = new UploadDraft { Id = Guid.NewGuid(), UserId = userId, FileName = fileName, Bytes = bytes, CreatedAtUtc = Now };
        db.UploadDrafts.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        Remember(draft.Id, bytes.Length, parsed);
        return new Open(draft, parsed);
    }

    /// <summary>The draft and its parse; null when it is unknown, confirmed, cancelled or expired.</summary>
    public async Task<Open?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var oldest = Now - Lifetime;
        var draft = await db.UploadDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.CreatedAtUtc > oldest, cancellationToken);
        if (draft is null) return null;
        if (!Parses.TryGetValue(Key(id), out ParsedDocument? parsed) || parsed is null)
        {
            parsed = parser.Parse(draft.Bytes, draft.FileName);
            Remember(id, draft.Bytes.Length, parsed);
        }
        return new Open(draft, parsed);
    }

    /// <summary>The user's own drafts that have not expired, newest first.</summary>
    public async Task<IReadOnlyList<Listed>> OpenForAsync(string userId, CancellationToken cancellationToken)
    {
        var oldest = Now - Lifetime;
        var rows = await db.UploadDrafts.AsNoTracking().Where(d => d.UserId == userId && d.CreatedAtUtc > oldest).OrderByDescending(d => d.CreatedAtUtc)
            .Select(d => new { d.Id, d.FileName, d.CreatedAtUtc }).ToListAsync(cancellationToken);
        return rows.Select(d => new Listed(d.Id, d.FileName, d.CreatedAtUtc, d.CreatedAtUtc + Lifetime)).ToList();
    }

    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await db.UploadDrafts.Where(d => d.Id == id).ExecuteDeleteAsync(cancellationToken);
        Parses.Remove(Key(id));
    }

    /// <summary>Removes every draft older than the lifetime; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var oldest = Now - Lifetime;
        // Looked for with a read first: most rounds find nothing and so never take the database's write lock.
        if (!await db.UploadDrafts.AnyAsync(d => d.CreatedAtUtc <= oldest, cancellationToken)) return 0;
        return await db.UploadDrafts.Where(d => d.CreatedAtUtc <= oldest).ExecuteDeleteAsync(cancellationToken);
    }

    private void Remember(Guid id, long bytes, ParsedDocument parsed) =>
        Parses.Set(Key(id), parsed, new MemoryCacheEntryOptions { Size = Math.Max(1, bytes), SlidingExpiration = TimeSpan.FromMinutes(30), AbsoluteExpirationRelativeToNow = Lifetime });

    private static string Key(Guid id) => "draft:" + id.ToString("N");
}

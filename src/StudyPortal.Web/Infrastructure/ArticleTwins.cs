using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using StudyPortal.Data;
using StudyPortal.Importer;

namespace StudyPortal.Web.Infrastructure;

/// <summary>
/// Finds articles whose text is (nearly) the same as another's — the same speech printed in two booklets — by their
/// stored fingerprints. The fingerprints of the whole library are held in memory per library version.
/// </summary>
public sealed class ArticleTwins(PortalDbContext db, IMemoryCache cache, LibraryVersion version)
{
    public sealed record Twin(int ArticleId, int DocumentId, string DocumentTitle, string ArticleTitle, int Position, double Similarity);

    private sealed record Entry(int ArticleId, int DocumentId, string DocumentTitle, string ArticleTitle, int Position, byte[] Fingerprint);

    /// <summary>Stored articles nearly the same as the given text sketch, outside the given document.</summary>
    public async Task<IReadOnlyList<Twin>> FindAsync(byte[] fingerprint, int? exceptDocumentId, CancellationToken cancellationToken)
    {
        var all = await AllAsync(cancellationToken);
        return all.Where(e => e.DocumentId != exceptDocumentId)
            .Select(e => (Entry: e, Similarity: ArticleFingerprint.Similarity(fingerprint, e.Fingerprint)))
            .Where(x => x.Similarity >= ArticleFingerprint.NearDuplicate)
            .OrderByDescending(x => x.Similarity)
            .Select(x => new Twin(x.Entry.ArticleId, x.Entry.DocumentId, x.Entry.DocumentTitle, x.Entry.ArticleTitle, x.Entry.Position, x.Similarity))
            .ToList();
    }

    /// <summary>For each article of a stored document, the articles of other documents with (nearly) the same text.</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<Twin>>> ForDocumentAsync(int documentId, CancellationToken cancellationToken)
    {
        var all = await AllAsync(cancellationToken);
        var result = new Dictionary<int, IReadOnlyList<Twin>>();
        foreach (var article in all.Where(e => e.DocumentId == documentId))
        {
            var twins = await FindAsync(article.Fingerprint, documentId, cancellationToken);
            if (twins.Count > 0) result[article.ArticleId] = twins;
        }
        return result;
    }

    private async Task<IReadOnlyList<Entry>> AllAsync(CancellationToken cancellationToken)
    {
        var key = ("article-fingerprints", version.Current);
        if (cache.TryGetValue(key, out IReadOnlyList<Entry>? cached) && cached is not null) return cached;
        var entries = await db.Articles.AsNoTracking().Where(a => a.Fingerprint != null)
            .Select(a => new Entry(a.Id, a.DocumentId, a.Document!.Title, a.Title, a.Position, a.Fingerprint!)).ToListAsync(cancellationToken);
        cache.Set(key, (IReadOnlyList<Entry>)entries, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
        return entries;
    }
}

using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using StudyPortal.Data;

namespace StudyPortal.Web.Infrastructure;

/// <summary>
/// Whole reader pages are cached per section key and interface language: the reader is the hottest page and a
/// section's text changes only when a document is imported. Any change to the library evicts every cached page.
/// </summary>
public sealed class ChapterCache(LibraryVersion version, IOutputCacheStore store) : IHostedService
{
    public const string Policy = "chapter";
    private const string Tag = "library";

    public static void Configure(OutputCachePolicyBuilder policy) => policy
        .Expire(TimeSpan.FromMinutes(30))
        .SetVaryByRouteValue("key")
        .SetVaryByQuery("q")
        .VaryByValue(_ => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name))
        .Tag(Tag);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        version.Changed += Evict;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        version.Changed -= Evict;
        return Task.CompletedTask;
    }

    private void Evict() => store.EvictByTagAsync(Tag, CancellationToken.None).AsTask().GetAwaiter().GetResult();
}

using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using StudyPortal.Data;

namespace StudyPortal.Web.Infrastructure;

/// <summary>
/// Whole reader pages are cached per section key, interface language and library version: the reader is the hottest
/// page and a section's text changes only when the library does. The version in the key makes a change visible at
/// once; the pages of older versions are evicted in the background, after the change is committed and announced.
/// </summary>
public sealed class ChapterCache(LibraryVersion version, IOutputCacheStore store, ILogger<ChapterCache> logger) : BackgroundService
{
    public const string Policy = "chapter";
    private const string Tag = "library";

    public static void Configure(OutputCachePolicyBuilder policy) => policy
        .Expire(TimeSpan.FromMinutes(30))
        .SetVaryByRouteValue("key")
        .SetVaryByQuery("q")
        .VaryByValue(context => new KeyValuePair<string, string>("culture+library",
            CultureInfo.CurrentUICulture.Name + "/" + context.RequestServices.GetRequiredService<LibraryVersion>().Current.ToString(CultureInfo.InvariantCulture)))
        .Tag(Tag);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var changes = version.Subscribe();
        try
        {
            await foreach (var _ in changes.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await store.EvictByTagAsync(Tag, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Stale pages are never served (the version is in their key); they only wait for their expiry.
                    logger.LogWarning(ex, "Evicting cached reader pages failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            version.Unsubscribe(changes);
        }
    }
}

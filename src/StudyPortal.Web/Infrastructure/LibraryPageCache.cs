using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.OutputCaching;
using StudyPortal.Data;

namespace StudyPortal.Web.Infrastructure;

/// <summary>
/// Pages made only of the library (a chapter in the reader, a document's contents, a quotation's page, the results
/// of a search) are cached whole and shared by every reader, signed in or not: per address with its query, interface
/// language, library version and audience (anonymous, or the set of roles, which decides the navigation). Nothing personal is rendered into them: the layout leaves the name and the notices
/// count to the page's script (<c>/api/me</c>), and a page that sets a cookie is never stored. The version in the key
/// makes an import or an edit visible at once; older pages are evicted in the background after the change is announced.
/// </summary>
public sealed class LibraryPageCache(LibraryVersion version, IOutputCacheStore store, ILogger<LibraryPageCache> logger) : BackgroundService
{
    public const string Policy = "library-page";
    private const string Tag = "library";

    public static void Configure(OutputCachePolicyBuilder policy) => policy
        .AddPolicy<SignedInReaders>()
        .Expire(TimeSpan.FromMinutes(30))
        .VaryByValue(context => new KeyValuePair<string, string>("culture+library+audience",
            CultureInfo.CurrentUICulture.Name + "/" + context.RequestServices.GetRequiredService<LibraryVersion>().Current.ToString(CultureInfo.InvariantCulture)
            + "/" + Audience(context.User)))
        .Tag(Tag);

    /// <summary>Whether the page being rendered is shared by all readers (and so must carry nothing personal).</summary>
    public static bool IsShared(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>()?.PolicyName == Policy;

    private static string Audience(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated != true ? "" : "signed-in:" + string.Join(',', user.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal));

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
                    logger.LogWarning(ex, "Evicting cached library pages failed");
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

    /// <summary>
    /// The default rules (GET or HEAD, a 200 without a cookie) without the one that refuses every signed-in request:
    /// these pages hold nothing personal. Used in place of the default policy, not after it.
    /// </summary>
    private sealed class SignedInReaders : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var request = context.HttpContext.Request;
            var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(request.Headers.Authorization);
            context.EnableOutputCaching = true;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            context.AllowLocking = true;
            context.CacheVaryByRules.QueryKeys = "*";
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            if (!Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(response.Headers.SetCookie) || response.StatusCode != StatusCodes.Status200OK)
                context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }
    }
}

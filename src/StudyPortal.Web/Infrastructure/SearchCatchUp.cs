using StudyPortal.Data;
using StudyPortal.Data.Search;

namespace StudyPortal.Web.Infrastructure;

/// <summary>
/// Writes the full-text tokens of newly stored documents right after they are stored (<see cref="ISearchIndex.CatchUpAsync"/>):
/// at once after an import on this node, and every <see cref="DatabaseOptions.ChangePollSeconds"/> for imports made
/// elsewhere (the CLI, another node, a run cut off before it caught up).
/// </summary>
public sealed class SearchCatchUp(IServiceScopeFactory scopes, LibraryVersion version, Microsoft.Extensions.Options.IOptions<PortalOptions> options, ILogger<SearchCatchUp> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var changes = version.Subscribe();
        try
        {
            var interval = TimeSpan.FromSeconds(options.Value.Database.ChangePollSeconds);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var indexed = await scope.ServiceProvider.GetRequiredService<ISearchIndex>().CatchUpAsync(stoppingToken);
                    if (indexed > 0) logger.LogInformation("Search index: wrote the tokens of {Documents} new documents", indexed);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The documents stay in the backlog, searchable by scanning; the next round tries again.
                    logger.LogWarning(ex, "Search index catch-up failed; it is retried");
                }
                // Woken at once by a change on this node, else after the interval.
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                wait.CancelAfter(interval);
                try
                {
                    await changes.ReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
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

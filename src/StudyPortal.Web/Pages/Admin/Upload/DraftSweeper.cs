using StudyPortal.Data.Importing;

namespace StudyPortal.Web.Pages.Admin.Upload;

/// <summary>Removes expired upload drafts at start-up and every ten minutes after.</summary>
public sealed class DraftSweeper(IServiceScopeFactory scopes, ILogger<DraftSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var removed = await scope.ServiceProvider.GetRequiredService<UploadDrafts>().DeleteExpiredAsync(stoppingToken);
                if (removed > 0) logger.LogInformation("Removed {Drafts} expired upload drafts", removed);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A locked or read-only database: the next round tries again; expired drafts are never shown meanwhile.
                logger.LogWarning(ex, "Could not remove expired upload drafts");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

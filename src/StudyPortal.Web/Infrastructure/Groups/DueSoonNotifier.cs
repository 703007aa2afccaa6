using Microsoft.EntityFrameworkCore;
using StudyPortal.Data;
using StudyPortal.Data.Groups;

namespace StudyPortal.Web.Infrastructure.Groups;

/// <summary>Looks for assignments that are due soon every half hour (on every web node; the notices' unique key keeps them single).</summary>
public sealed class DueSoonNotifier(IServiceScopeFactory scopes, ILogger<DueSoonNotifier> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(30));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sent = await scope.ServiceProvider.GetRequiredService<NoticeBoard>().SendDueSoonAsync(stoppingToken);
                if (sent > 0) logger.LogInformation("Sent {Count} due-soon notices", sent);
            }
            catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
            {
                // Another web node on the same database sent the same notices a moment earlier (one per person and subject).
                logger.LogDebug("Due-soon notices were sent by another node");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Due-soon notices could not be sent this time");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

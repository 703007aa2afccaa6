using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StudyPortal.Data;

namespace StudyPortal.Web.Infrastructure;

/// <summary>
/// Keeps this node's caches in step with imports made by other web nodes on the same database: it reads the library's
/// revision every few seconds (<see cref="DatabaseOptions.ChangePollSeconds"/>) and moves the in-process
/// <see cref="LibraryVersion"/> when another node moved it. One small primary-key read per interval.
/// </summary>
public sealed class LibraryChangeWatcher(IServiceScopeFactory scopes, LibraryVersion version, IOptions<PortalOptions> options, TimeProvider time, ILogger<LibraryChangeWatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long? seen = null;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.Database.ChangePollSeconds), time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                var revision = await db.LibraryState.AsNoTracking().Where(s => s.Id == Data.Library.LibraryState.SingletonId).Select(s => s.Revision).FirstOrDefaultAsync(stoppingToken);
                if (seen is not null && revision != seen)
                {
                    logger.LogInformation("The library changed (revision {Revision}); this node's caches start over", revision);
                    version.Bump();
                }
                seen = revision;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database is briefly unreachable: the next tick tries again, and /healthz/ready reports it meanwhile.
                logger.LogWarning(ex, "Could not read the library revision");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

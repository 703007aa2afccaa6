using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyPortal.Data;
using StudyPortal.Data.Copying;

namespace StudyPortal.Cli.Commands;

/// <summary>
/// `migrate-data --to CONNECTION [--db FILE]`: copies the whole portal from its SQLite database into a new, empty
/// PostgreSQL database (created and migrated here), then verifies counts and spot-checks rows.
/// </summary>
internal static class MigrateDataCommand
{
    private static readonly Option<string> TargetOption = new("--to")
    {
        Description = "Connection string of the new PostgreSQL database, e.g. \"Host=db;Database=studyportal;Username=portal;Password=…\"",
        Required = true,
    };

    public static Command Create(CliApp app)
    {
        var command = new Command("migrate-data", "Copy the whole portal from SQLite into an empty PostgreSQL database and verify it") { TargetOption, CliApp.DatabaseOption };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var host = app.BuildHost(result.GetValue(CliApp.DatabaseOption));
            await using var scope = await CliApp.OpenDatabaseAsync(host, cancellationToken);
            var source = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            if (!source.Database.IsSqlite())
            {
                await app.Error.WriteLineAsync("migrate-data copies from SQLite: the configured database is not SQLite (use --db FILE)");
                return 1;
            }
            await using var target = new PortalDbContext(PortalDatabase.Options(DatabaseProvider.PostgreSQL, result.GetValue(TargetOption)!));
            try
            {
                await target.Database.MigrateAsync(cancellationToken);
                var report = await new DatabaseCopier(source, target).CopyAsync(app.Output, cancellationToken);
                foreach (var table in report)
                    await app.Output.WriteLineAsync($"{(table.Verified ? "ok  " : "FAIL")} {table.Table}: {table.SourceRows} → {table.TargetRows} rows, {table.SpotChecked} spot-checked");
                var differences = report.SelectMany(t => t.Differences).ToList();
                foreach (var difference in differences) await app.Error.WriteLineAsync(difference);
                if (report.Any(t => !t.Verified))
                {
                    await app.Error.WriteLineAsync("the copy does not match the source (see above); do not switch the portal to it");
                    return 1;
                }
                await app.Output.WriteLineAsync($"verified: {report.Count} tables, equal counts, {report.Sum(t => t.SpotChecked)} rows spot-checked field by field");
                return 0;
            }
            catch (Exception ex) when (ex is InvalidOperationException or Npgsql.NpgsqlException)
            {
                await app.Error.WriteLineAsync($"migrate-data: {ex.Message}");
                return 1;
            }
        });
        return command;
    }
}

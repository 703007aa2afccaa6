using System.CommandLine;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyPortal.Data;

namespace StudyPortal.Cli.Commands;

/// <summary>
/// `backup FILE [--db FILE]` copies the SQLite database with VACUUM INTO, a consistent snapshot taken while the portal
/// keeps running; `restore FILE [--db FILE]` checks a backup's integrity and copies it back with SQLite's online backup API.
/// </summary>
internal static class BackupCommand
{
    private static readonly Argument<FileInfo> FileArgument = new("file") { Description = "The backup file" };

    public static Command CreateBackup(CliApp app)
    {
        var command = new Command("backup", "Copy the portal's SQLite database to FILE while the portal runs") { FileArgument, CliApp.DatabaseOption };
        command.SetAction(async (result, cancellationToken) =>
        {
            var target = result.GetValue(FileArgument)!;
            if (target.Exists)
            {
                app.Error.WriteLine($"{target.FullName}: the file exists; choose a new name (a backup never overwrites)");
                return 1;
            }
            using var host = app.BuildHost(result.GetValue(CliApp.DatabaseOption));
            if (NotSqlite(app, host)) return 1;
            await using var scope = await CliApp.OpenDatabaseAsync(host, cancellationToken);
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Directory.CreateDirectory(target.DirectoryName!);
            await db.Database.ExecuteSqlAsync($"VACUUM INTO {target.FullName}", cancellationToken);
            app.Output.WriteLine($"backed up to {target.FullName} ({new FileInfo(target.FullName).Length / 1024} KB)");
            return 0;
        });
        return command;
    }

    public static Command CreateRestore(CliApp app)
    {
        var command = new Command("restore", "Replace the portal's SQLite database with the backup FILE (checked first)") { FileArgument, CliApp.DatabaseOption };
        command.SetAction(async (result, cancellationToken) =>
        {
            var source = result.GetValue(FileArgument)!;
            if (!source.Exists)
            {
                app.Error.WriteLine($"{source.FullName}: no such backup");
                return 1;
            }
            await using (var backup = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source.FullName, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
            {
                await backup.OpenAsync(cancellationToken);
                await using var check = backup.CreateCommand();
                check.CommandText = "PRAGMA integrity_check";
                string? verdict;
                try
                {
                    verdict = (string?)await check.ExecuteScalarAsync(cancellationToken);
                }
                catch (SqliteException ex)
                {
                    verdict = ex.Message;
                }
                if (verdict != "ok")
                {
                    app.Error.WriteLine($"{source.FullName}: not a sound SQLite database ({verdict}); nothing was changed");
                    return 1;
                }
                using var host = app.BuildHost(result.GetValue(CliApp.DatabaseOption));
                if (NotSqlite(app, host)) return 1;
                await using var scope = host.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                await db.Database.OpenConnectionAsync(cancellationToken);
                // The online backup API writes the whole file under SQLite's own locks: readers see the old or the new database, never a mix.
                backup.BackupDatabase((SqliteConnection)db.Database.GetDbConnection());
                await db.Database.CloseConnectionAsync();
            }
            SqliteConnection.ClearAllPools();
            app.Output.WriteLine($"restored from {source.FullName}; restart the portal so its caches start afresh");
            return 0;
        });
        return command;
    }

    /// <summary>A PostgreSQL portal is backed up with pg_dump on the database server, not by the CLI.</summary>
    private static bool NotSqlite(CliApp app, Microsoft.Extensions.Hosting.IHost host)
    {
        if (host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PortalOptions>>().Value.Database.Provider == DatabaseProvider.Sqlite) return false;
        app.Error.WriteLine("backup and restore are for SQLite; this portal runs on PostgreSQL: use pg_dump and pg_restore (docs/operations.md)");
        return true;
    }
}

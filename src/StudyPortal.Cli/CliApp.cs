using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StudyPortal.Cli.Commands;
using StudyPortal.Data;

namespace StudyPortal.Cli;

/// <summary>The `studyportal` command line: verbs over the same data services and configuration as the web app.</summary>
public sealed class CliApp(TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?>? settings = null)
{
    public TextWriter Output { get; } = output;
    public TextWriter Error { get; } = error;

    public static readonly Option<string?> DatabaseOption = new("--db")
    {
        Description = "SQLite database file to use instead of the configured one",
    };

    public Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("StudyPortal: import and inspect study materials")
        {
            ParseCommand.Create(this),
            ImportCommand.Create(this),
            StatsCommand.Create(this),
            ReindexCommand.Create(this),
            BackupCommand.CreateBackup(this),
            BackupCommand.CreateRestore(this),
            MigrateDataCommand.Create(this),
        };
        return root.Parse(args).InvokeAsync();
    }

    /// <summary>A host with the web app's configuration (appsettings.json, environment variables), with --db as an override.</summary>
    public IHost BuildHost(string? databaseFile)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        if (!string.IsNullOrWhiteSpace(databaseFile))
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Portal:Database:Provider"] = nameof(DatabaseProvider.Sqlite),
                ["Portal:Database:ConnectionString"] = PortalPaths.SqliteConnectionString(Path.GetFullPath(databaseFile)),
            });
        }
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Error);
        builder.Logging.AddFilter("StudyPortal.Data.Importing", LogLevel.Error);
        builder.Services.AddPortalData();
        return builder.Build();
    }

    /// <summary>Opens the database, migrating it first, in a scope the caller disposes.</summary>
    public static async Task<AsyncServiceScope> OpenDatabaseAsync(IHost host, CancellationToken cancellationToken)
    {
        var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(cancellationToken);
        return scope;
    }
}

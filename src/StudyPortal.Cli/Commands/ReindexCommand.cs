using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using StudyPortal.Data;
using StudyPortal.Data.Search;

namespace StudyPortal.Cli.Commands;

/// <summary>`reindex [--db FILE]`: rebuilds the full-text index from the stored documents.</summary>
internal static class ReindexCommand
{
    public static Command Create(CliApp app)
    {
        var command = new Command("reindex", "Rebuild the search index from the stored documents") { CliApp.DatabaseOption };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var host = app.BuildHost(result.GetValue(CliApp.DatabaseOption));
            await using var scope = await CliApp.OpenDatabaseAsync(host, cancellationToken);
            var entries = await scope.ServiceProvider.GetRequiredService<ISearchIndex>().RebuildAsync(cancellationToken);
            scope.ServiceProvider.GetRequiredService<LibraryVersion>().Bump();
            app.Output.WriteLine($"search index rebuilt: {entries} entries");
            return 0;
        });
        return command;
    }
}

using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyPortal.Data;

namespace StudyPortal.Cli.Commands;

/// <summary>`stats [--db FILE]`: counts of what the library holds.</summary>
internal static class StatsCommand
{
    public static Command Create(CliApp app)
    {
        var command = new Command("stats", "Print counts of documents, articles, sections, paragraphs and quotations") { CliApp.DatabaseOption };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var host = app.BuildHost(result.GetValue(CliApp.DatabaseOption));
            await using var scope = await CliApp.OpenDatabaseAsync(host, cancellationToken);
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            app.Output.WriteLine($"documents:  {await db.Documents.CountAsync(cancellationToken)}");
            app.Output.WriteLine($"articles:   {await db.Articles.CountAsync(cancellationToken)}");
            app.Output.WriteLine($"sections:   {await db.Sections.CountAsync(cancellationToken)}");
            app.Output.WriteLine($"paragraphs: {await db.Paragraphs.CountAsync(cancellationToken)}");
            app.Output.WriteLine($"quotations: {await db.Quotations.CountAsync(cancellationToken)}");
            return 0;
        });
        return command;
    }
}

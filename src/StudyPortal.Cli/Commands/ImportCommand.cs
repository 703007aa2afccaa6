using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using StudyPortal.Data.Importing;
using StudyPortal.Data.Search;

namespace StudyPortal.Cli.Commands;

/// <summary>`import PATH… [--db FILE]`: imports files or folders into the portal's database, one line per file.</summary>
internal static class ImportCommand
{
    public static Command Create(CliApp app)
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders to import", Arity = ArgumentArity.OneOrMore };
        var command = new Command("import", "Import files or folders into the portal's database") { paths, CliApp.DatabaseOption };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var host = app.BuildHost(result.GetValue(CliApp.DatabaseOption));
            await using var scope = await CliApp.OpenDatabaseAsync(host, cancellationToken);
            var importer = scope.ServiceProvider.GetRequiredService<DocumentImporter>();
            var failed = 0;
            var files = DocumentImporter.Expand(result.GetValue(paths)!).ToList();
            if (files.Count == 0)
            {
                app.Error.WriteLine("No importable files (.txt, .md) found.");
                return 1;
            }
            foreach (var file in files)
            {
                var outcome = await importer.ImportFileAsync(file, $"cli ({Environment.UserName})", cancellationToken);
                if (outcome.Outcome is { } o)
                {
                    var verb = o.Status switch
                    {
                        ImportStatus.Imported => "imported",
                        ImportStatus.Replaced => "replaced",
                        _ => "unchanged (same content already imported)",
                    };
                    app.Output.WriteLine($"{file}: {verb} as document {o.DocumentId} “{o.Title}”: {o.Articles} articles, {o.Sections} sections, {o.Paragraphs} paragraphs, {o.Quotations} quotations");
                }
                else
                {
                    failed++;
                    app.Error.WriteLine($"{file}: failed: {outcome.Error}");
                }
            }
            // The stored documents are searchable already (by scanning); their full-text tokens are written now, so the
            // index is complete when the command ends.
            var indexed = await scope.ServiceProvider.GetRequiredService<ISearchIndex>().CatchUpAsync(cancellationToken);
            if (indexed > 0) app.Output.WriteLine($"search index: {indexed} documents indexed");
            return failed == 0 ? 0 : 1;
        });
        return command;
    }
}

using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StudyPortal.Importer;

namespace StudyPortal.Cli.Commands;

/// <summary>`parse FILE [--json]`: shows what the importer makes of a file; stores nothing.</summary>
internal static class ParseCommand
{
    public static Command Create(CliApp app)
    {
        var file = new Argument<string>("file") { Description = "The .txt or .md file to parse" };
        var json = new Option<bool>("--json") { Description = "Print the parsed structure as JSON" };
        var command = new Command("parse", "Parse a file and print its structure; nothing is stored") { file, json };
        command.SetAction(result =>
        {
            var path = result.GetValue(file)!;
            using var host = app.BuildHost(null);
            var limit = host.Services.GetRequiredService<IOptions<ImportOptions>>().Value.MaxFileBytes;
            var parser = host.Services.GetRequiredService<DocumentParser>();
            try
            {
                var info = new FileInfo(path);
                if (!info.Exists)
                {
                    app.Error.WriteLine($"{path}: the file does not exist");
                    return 1;
                }
                if (info.Length > limit)
                {
                    app.Error.WriteLine($"{path}: the file is {info.Length / 1024.0 / 1024.0:0.#} MB, above the limit of {limit / 1024.0 / 1024.0:0.#} MB");
                    return 1;
                }
                var document = parser.Parse(File.ReadAllBytes(path), Path.GetFileName(path));
                app.Output.WriteLine(result.GetValue(json) ? ParsedDocumentJson.Serialize(document) : TreePrinter.Print(document));
                return 0;
            }
            catch (UnreadableDocumentException ex)
            {
                app.Error.WriteLine($"{path}: {ex.Message}");
                return 1;
            }
            catch (IOException ex)
            {
                app.Error.WriteLine($"{path}: the file cannot be read: {ex.Message}");
                return 1;
            }
        });
        return command;
    }
}

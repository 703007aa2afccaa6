using System.CommandLine;
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
            try
            {
                var info = new FileInfo(path);
                if (!info.Exists)
                {
                    app.Error.WriteLine($"{path}: the file does not exist");
                    return 1;
                }
                var options = new ImportOptions();
                if (info.Length > options.MaxFileBytes)
                {
                    app.Error.WriteLine($"{path}: the file is {info.Length / 1024.0 / 1024.0:0.#} MB, above the limit of {options.MaxFileBytes / 1024 / 1024} MB");
                    return 1;
                }
                var document = new DocumentParser(options).Parse(File.ReadAllBytes(path), Path.GetFileName(path));
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

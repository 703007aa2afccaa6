using Microsoft.Data.Sqlite;
using StudyPortal.Cli;

namespace StudyPortal.Cli.Tests;

/// <summary>Runs the real CLI in process against a database file of its own.</summary>
public sealed class CliRun : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("studyportal-cli-").FullName;

    public string Database => Path.Combine(_folder, "cli.db");

    public string Folder => _folder;

    public async Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string?>? settings, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await new CliApp(output, error, settings).RunAsync(args);
        return (code, output.ToString(), error.ToString());
    }

    public Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => RunAsync(null, args);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

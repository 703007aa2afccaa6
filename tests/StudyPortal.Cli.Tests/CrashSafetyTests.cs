using System.Diagnostics;
using Microsoft.Data.Sqlite;
using StudyPortal.Benchmarks;
using StudyPortal.Importer;
using StudyPortal.Tests;
using Xunit.Abstractions;

namespace StudyPortal.Cli.Tests;

/// <summary>
/// kill -9 the CLI in the middle of importing a 20 MB document, at random moments: afterwards the database passes
/// SQLite's integrity check and the document is either absent or whole — never half stored.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    private static readonly int Kills = int.TryParse(Environment.GetEnvironmentVariable("CRASH_KILLS"), out var n) ? n : 20;

    [Fact]
    public async Task KilledImports_LeaveTheDocumentAbsentOrWhole()
    {
        using var cli = new CliRun();
        var file = Path.Combine(cli.Folder, "booklet-20mb.txt");
        var seeds = TestPaths.AllSeeds.Select(File.ReadAllText).ToList();
        var bytes = System.Text.Encoding.UTF8.GetBytes(new CorpusGenerator(seeds, 11).Booklet(20 * 1024 * 1024));
        await File.WriteAllBytesAsync(file, bytes);
        var expected = new DocumentParser(new ImportOptions { MaxFileBytes = 100L * 1024 * 1024, MaxTextCharacters = int.MaxValue }).Parse(bytes, "booklet-20mb.txt");
        var expectedSections = expected.AllSections.Count();
        var expectedParagraphs = expected.AllSections.Sum(s => s.Paragraphs.Count);
        var settings = new Dictionary<string, string?>
        {
            ["Import:MaxFileBytes"] = (100L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Import:MaxTextCharacters"] = int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        // An empty, migrated database to start every run from.
        var template = Path.Combine(cli.Folder, "template.db");
        Assert.Equal(0, (await cli.RunAsync(settings, "stats", "--db", template)).ExitCode);
        SqliteConnection.ClearAllPools();

        // One run to the end: how long an import takes here, and that it does complete.
        var full = Copy(template, cli.Folder, "full");
        var watch = Stopwatch.StartNew();
        using (var process = Start(file, full))
        {
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
        }
        var duration = watch.Elapsed;
        Assert.Equal((1L, (long)expectedSections, (long)expectedParagraphs), Counts(full));

        var random = new Random(2026);
        var outcomes = new List<string>();
        for (var i = 0; i < Kills; i++)
        {
            var db = Copy(template, cli.Folder, $"run{i}");
            using var process = Start(file, db);
            // Up to a little past the measured duration, so some runs end on their own: absent and whole both occur.
            var at = TimeSpan.FromMilliseconds(random.Next(100, (int)Math.Max(200, duration.TotalMilliseconds * 1.1)));
            var exited = process.WaitForExit(at);
            if (!exited) process.Kill(entireProcessTree: true); // SIGKILL: no handler, no cleanup, no flush
            await process.WaitForExitAsync();

            Assert.Equal("ok", IntegrityCheck(db));
            var (documents, sections, paragraphs) = Counts(db);
            Assert.True(documents == 0 || (documents == 1 && sections == expectedSections && paragraphs == expectedParagraphs),
                $"run {i}, killed at {at.TotalMilliseconds:0} ms: {documents} documents, {sections}/{expectedSections} sections, {paragraphs}/{expectedParagraphs} paragraphs");
            outcomes.Add($"{at.TotalMilliseconds:0} ms → {(exited ? "finished" : "killed")}, {(documents == 0 ? "absent" : "whole")}");
        }
        output.WriteLine($"import takes {duration.TotalSeconds:0.0} s; " + string.Join("; ", outcomes));
    }

    private static string Copy(string template, string folder, string name)
    {
        var path = Path.Combine(folder, name + ".db");
        File.Copy(template, path);
        return path;
    }

    private static Process Start(string file, string db)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "studyportal.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { cli, "import", file, "--db", db }) info.ArgumentList.Add(arg);
        info.Environment["Import__MaxFileBytes"] = (100L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["Import__MaxTextCharacters"] = int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static SqliteConnection Open(string db)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static string IntegrityCheck(string db)
    {
        using var connection = Open(db);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }

    private static (long Documents, long Sections, long Paragraphs) Counts(string db)
    {
        using var connection = Open(db);
        long Count(string table)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"""SELECT count(*) FROM "{table}" """;
            return (long)command.ExecuteScalar()!;
        }
        return (Count("Documents"), Count("Sections"), Count("Paragraphs"));
    }
}

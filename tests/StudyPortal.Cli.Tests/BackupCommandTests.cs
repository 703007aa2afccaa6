using StudyPortal.Tests;

namespace StudyPortal.Cli.Tests;

public sealed class BackupCommandTests
{
    private static async Task<string> StatsAsync(CliRun cli) => (await cli.RunAsync("stats", "--db", cli.Database)).Output;

    [Fact]
    public async Task BackUp_ChangeTheData_Restore_TheOldDataIsBack()
    {
        using var cli = new CliRun();
        Assert.Equal(0, (await cli.RunAsync("import", TestPaths.Seeds, "--db", cli.Database)).ExitCode);
        var before = await StatsAsync(cli);
        var backup = Path.Combine(cli.Folder, "backups", "portal-1.db");

        var (code, output, _) = await cli.RunAsync("backup", backup, "--db", cli.Database);
        Assert.Equal(0, code);
        Assert.Contains("backed up", output, StringComparison.Ordinal);
        Assert.Equal(1, (await cli.RunAsync("backup", backup, "--db", cli.Database)).ExitCode); // never overwrites

        // Change the data: a new document.
        var extra = Path.Combine(cli.Folder, "extra.txt");
        await File.WriteAllTextAsync(extra, "新增学习材料\n\n这是备份之后才导入的一段足够长的正文内容。\n");
        Assert.Equal(0, (await cli.RunAsync("import", extra, "--db", cli.Database)).ExitCode);
        Assert.NotEqual(before, await StatsAsync(cli));

        (code, output, _) = await cli.RunAsync("restore", backup, "--db", cli.Database);
        Assert.Equal(0, code);
        Assert.Equal(before, await StatsAsync(cli));
    }

    [Fact]
    public async Task Restore_RefusesAFileThatIsNotASoundDatabase_AndChangesNothing()
    {
        using var cli = new CliRun();
        await cli.RunAsync("import", TestPaths.Seed("003"), "--db", cli.Database);
        var before = await StatsAsync(cli);
        var broken = Path.Combine(cli.Folder, "broken.db");
        await File.WriteAllBytesAsync(broken, [.. "SQLite format 3\0"u8, .. new byte[4096]]);
        var (code, _, error) = await cli.RunAsync("restore", broken, "--db", cli.Database);
        Assert.NotEqual(0, code);
        Assert.Contains("nothing was changed", error, StringComparison.Ordinal);
        Assert.Equal(before, await StatsAsync(cli));
    }

    [Fact]
    public async Task OnPostgreSql_BackupAndRestore_PointToPgDump()
    {
        using var cli = new CliRun();
        var settings = new Dictionary<string, string?>
        {
            ["Portal:Database:Provider"] = "PostgreSQL",
            ["Portal:Database:ConnectionString"] = "Host=127.0.0.1;Port=1;Database=none",
        };
        var backup = Path.Combine(cli.Folder, "portal.db");
        var (code, _, error) = await cli.RunAsync(settings, "backup", backup);
        Assert.Equal(1, code);
        Assert.Contains("pg_dump", error, StringComparison.Ordinal);
        Assert.False(File.Exists(backup));
        await File.WriteAllBytesAsync(backup, [1, 2, 3]);
        (code, _, error) = await cli.RunAsync(settings, "restore", backup);
        Assert.Equal(1, code);
    }
}

using StudyPortal.Tests;

namespace StudyPortal.Cli.Tests;

public sealed class ImportCommandTests
{
    [Fact]
    public async Task Import_Folder_ImportsEverySeed_AndStatsCountsThem()
    {
        using var cli = new CliRun();
        var (code, output, error) = await cli.RunAsync("import", TestPaths.Seeds, "--db", cli.Database);
        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Equal(5, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.Contains(": imported as document", StringComparison.Ordinal)));

        var (statsCode, stats, _) = await cli.RunAsync("stats", "--db", cli.Database);
        Assert.Equal(0, statsCode);
        Assert.Contains("documents:  5", stats, StringComparison.Ordinal);
        Assert.Contains("quotations: 22", stats, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_SameFileTwice_SaysUnchanged()
    {
        using var cli = new CliRun();
        await cli.RunAsync("import", TestPaths.Seed("003"), "--db", cli.Database);
        var (code, output, _) = await cli.RunAsync("import", TestPaths.Seed("003"), "--db", cli.Database);
        Assert.Equal(0, code);
        Assert.Contains("unchanged (same content already imported)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WithABadFile_ExitsNonZero_NamesIt_AndStoresOnlyTheGoodOnes()
    {
        using var cli = new CliRun();
        var empty = Path.Combine(cli.Folder, "empty.txt");
        var binary = Path.Combine(cli.Folder, "image.txt");
        await File.WriteAllBytesAsync(empty, []);
        await File.WriteAllBytesAsync(binary, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]);
        var (code, output, error) = await cli.RunAsync("import", TestPaths.Seed("002"), empty, binary, "--db", cli.Database);

        Assert.Equal(1, code);
        Assert.Contains("imported as document", output, StringComparison.Ordinal);
        var errors = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, errors.Length);
        Assert.Contains(errors, e => e.StartsWith(empty, StringComparison.Ordinal) && e.Contains("empty", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith(binary, StringComparison.Ordinal) && e.Contains("binary", StringComparison.Ordinal));
        var (_, stats, _) = await cli.RunAsync("stats", "--db", cli.Database);
        Assert.Contains("documents:  1", stats, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_TooLarge_IsRefusedWithTheConfiguredLimit()
    {
        using var cli = new CliRun();
        var (code, _, error) = await cli.RunAsync(new Dictionary<string, string?> { ["Import:MaxFileBytes"] = "1024" }, "import", TestPaths.Seed("000"), "--db", cli.Database);
        Assert.Equal(1, code);
        Assert.Contains("above the limit of", error, StringComparison.Ordinal);
        var (_, stats, _) = await cli.RunAsync("stats", "--db", cli.Database);
        Assert.Contains("documents:  0", stats, StringComparison.Ordinal);
    }
}

public sealed class ReindexCommandTests
{
    [Fact]
    public async Task Reindex_RebuildsTheSearchIndex()
    {
        using var cli = new CliRun();
        await cli.RunAsync("import", TestPaths.Seeds, "--db", cli.Database);
        var (code, output, _) = await cli.RunAsync("reindex", "--db", cli.Database);
        Assert.Equal(0, code);
        Assert.Matches(@"search index rebuilt: \d{3,} entries", output);
    }
}

using System.Text.Json;
using StudyPortal.Tests;

namespace StudyPortal.Cli.Tests;

public sealed class ParseCommandTests
{
    [Fact]
    public async Task ParseJson_PrintsTheDocumentedShape()
    {
        using var cli = new CliRun();
        var (code, output, _) = await cli.RunAsync("parse", TestPaths.Seed("003"), "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("习近平关于建设网络强国的讲话", root.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("series").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("date").ValueKind);
        Assert.Equal("UTF-8", root.GetProperty("encoding").GetString());
        var article = root.GetProperty("articles")[0];
        Assert.Equal("习近平关于建设网络强国的讲话", article.GetProperty("title").GetString());
        var section = article.GetProperty("sections")[1];
        Assert.Equal("把握时代大势", section.GetProperty("heading").GetString());
        Assert.Equal(1, section.GetProperty("level").GetInt32());
        Assert.StartsWith("信息化和经济全球化", section.GetProperty("paragraphs")[0].GetString(), StringComparison.Ordinal);
        var quotations = root.GetProperty("quotations");
        Assert.Equal(18, quotations.GetArrayLength());
        var range = quotations[2];
        Assert.Equal("2018-04-20", range.GetProperty("date").GetString());
        Assert.Equal("2018-04-21", range.GetProperty("dateEnd").GetString());
        Assert.Equal(0, range.GetProperty("article").GetInt32());
        Assert.Equal(1, range.GetProperty("section").GetInt32());
        Assert.Equal("把握时代大势", range.GetProperty("theme").GetString());
        Assert.Equal("习近平", range.GetProperty("speaker").GetString());
        Assert.True(root.TryGetProperty("diagnostics", out var diagnostics) && diagnostics.ValueKind == JsonValueKind.Array);
    }

    [Fact]
    public async Task ParseJson_MonthPrecisionDates_AreYearMonth()
    {
        using var cli = new CliRun();
        var (_, output, _) = await cli.RunAsync("parse", TestPaths.Seed("000"), "--json");
        using var json = JsonDocument.Parse(output);
        Assert.Equal("2023-07", json.RootElement.GetProperty("date").GetString());
        Assert.Equal("info", json.RootElement.GetProperty("diagnostics")[0].GetProperty("level").GetString());
        Assert.Equal(13, json.RootElement.GetProperty("diagnostics")[0].GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Parse_WithoutJson_PrintsAReadableTree()
    {
        using var cli = new CliRun();
        var (code, output, _) = await cli.RunAsync("parse", TestPaths.Seed("002"));
        Assert.Equal(0, code);
        Assert.Contains("article 0: 阔步迈向网络强国", output, StringComparison.Ordinal);
        Assert.Contains("§ 一、高瞻远瞩", output, StringComparison.Ordinal);
        Assert.Contains("author: 中央网络安全和信息化委员会办公室室务会", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("empty.txt", new byte[0], "the file is empty")]
    [InlineData("binary.txt", new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, 0x01, 0x02 }, "binary")]
    [InlineData("latin1.txt", new byte[] { 0x43, 0x61, 0x66, 0xE9, 0x20, 0xE0, 0x20, 0x6C, 0x61, 0x20, 0x63, 0x72, 0xE8, 0x6D, 0x65 }, "save it as UTF-8")]
    public async Task Parse_BadFile_GetsOneClearLine(string name, byte[] bytes, string reason)
    {
        using var cli = new CliRun();
        var path = Path.Combine(cli.Folder, name);
        await File.WriteAllBytesAsync(path, bytes);
        var (code, output, error) = await cli.RunAsync("parse", path, "--json");
        Assert.Equal(1, code);
        Assert.Empty(output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(path, line, StringComparison.Ordinal);
        Assert.Contains(reason, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_TooLarge_ReadsTheLimitFromConfiguration()
    {
        using var cli = new CliRun();
        var (code, _, error) = await cli.RunAsync(new Dictionary<string, string?> { ["Import:MaxFileBytes"] = "1000" }, "parse", TestPaths.Seed("000"));
        Assert.Equal(1, code);
        Assert.Contains("above the limit", error, StringComparison.Ordinal);
    }
}

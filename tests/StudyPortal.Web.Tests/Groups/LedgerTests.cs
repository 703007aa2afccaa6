using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Groups;

/// <summary>The 学习台账: a period's record as a print view, a Word document in GB/T 9704 layout, CSV and Excel; bad periods refused.</summary>
[Collection(SecuredPortalCollection.Name)]
public sealed class LedgerTests(SecuredPortalFactory factory)
{
    private static string Day(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<(GroupStory Story, string Query)> CheckedInStoryAsync()
    {
        var s = await factory.StoryAsync(groupName: "机关第三党支部");
        await s.MemberClient.ReadToTheEndAsync(s.Keys);
        Assert.Equal(HttpStatusCode.Redirect, (await s.MemberClient.SubmitFormAsync($"/study/{s.AssignmentId}", new()
        {
            ["reflection"] = "通过学习，我认识到**网信事业**要以人民为中心：\n\n1. 把增进人民福祉作为出发点；\n2. 让群众少跑腿、数据多跑路。",
        })).StatusCode);
        var checkInId = await factory.DbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.CheckIns.Where(c => c.AssignmentId == s.AssignmentId).Select(c => c.Id)));
        var progress = $"/leader/groups/{s.GroupId}/progress";
        await s.Leader.SubmitFormAsync(progress, new() { ["checkInId"] = checkInId.ToString(CultureInfo.InvariantCulture), ["comment"] = "联系实际，体会深刻。" }, progress + "?handler=Comment");
        return (s, $"from={Day(DateTime.UtcNow.AddDays(-1))}&to={Day(DateTime.UtcNow.AddDays(40))}");
    }

    [Fact]
    public async Task TheLeader_SeesThePeriodsRecord_AndGetsItAsWordCsvAndExcel_BadPeriodsAndOtherGroupsAreRefused()
    {
        var (s, query) = await CheckedInStoryAsync();
        var url = $"/leader/groups/{s.GroupId}/ledger";
        var (response, page) = await HtmlPage.GetAsync(s.Leader, $"{url}?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ledger = page.QuerySelector("article.ledger")!;
        Assert.Equal("机关第三党支部学习台账", ledger.QuerySelector("h1")!.TextContent);
        Assert.Contains("把增进人民福祉作为出发点", ledger.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("**", ledger.TextContent, StringComparison.Ordinal);
        Assert.Contains("联系实际，体会深刻。", ledger.TextContent, StringComparison.Ordinal);
        Assert.Contains(ledger.QuerySelectorAll(".ledger-attendance tr.missing td"), td => td.TextContent == s.Other.DisplayName);

        var docx = await s.Leader.GetAsync(new Uri($"{url}?handler=Docx&{query}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using (var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var section = word.MainDocumentPart!.Document!.Body!.Elements<SectionProperties>().Single();
            var size = section.GetFirstChild<PageSize>()!;
            var margin = section.GetFirstChild<PageMargin>()!;
            Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));   // A4
            Assert.Equal((2098, 1984, 1587u, 1474u), (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value));   // 37, 35, 28, 26 mm
            Assert.Equal(579, section.GetFirstChild<DocGrid>()!.LinePitch!.Value);   // 22 lines: 225 mm / 579 twips
            // 28 characters of 16 pt in 156 mm: each set a quarter point closer.
            Assert.Equal(-5, word.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.Spacing!.Val!.Value);
            var fonts = word.MainDocumentPart.FontTablePart!.Fonts!.Elements<Font>().ToDictionary(f => f.Name!.Value!, f => f.AltName?.Val?.Value);
            Assert.Contains("仿宋", fonts["仿宋_GB2312"], StringComparison.Ordinal);
            Assert.Contains("华文中宋", fonts["方正小标宋简体"], StringComparison.Ordinal);
            var styles = word.MainDocumentPart.StyleDefinitionsPart!.Styles!;
            Assert.Equal("44", styles.Elements<Style>().Single(x => x.StyleId == "LedgerTitle").StyleRunProperties!.FontSize!.Val!.Value);   // 2号
            Assert.Equal("32", styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.FontSize!.Val!.Value);   // 3号
            Assert.NotNull(word.MainDocumentPart.DocumentSettingsPart!.Settings!.GetFirstChild<EvenAndOddHeaders>());
            var text = word.MainDocumentPart.Document.Body.InnerText;
            Assert.Contains("2. 让群众少跑腿、数据多跑路。", text, StringComparison.Ordinal);
            Assert.Contains("联系实际，体会深刻。", text, StringComparison.Ordinal);
            Assert.Contains($"未打卡 1 人：{s.Other.DisplayName}", text, StringComparison.Ordinal);
        }
        var csv = Encoding.UTF8.GetString(await s.Leader.GetByteArrayAsync(new Uri($"{url}?handler=Csv&{query}", UriKind.Relative)));
        Assert.Contains("组长点评", csv, StringComparison.Ordinal);
        Assert.Contains("联系实际，体会深刻。", csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await s.Leader.GetAsync(new Uri($"{url}?handler=Xlsx&{query}", UriKind.Relative))).StatusCode);

        // A period ending before it starts, or longer than a year: the page says why, and no file is made.
        foreach (var (bad, message) in new[] { ($"from={Day(DateTime.UtcNow)}&to={Day(DateTime.UtcNow.AddDays(-3))}", "结束日期早于开始日期"), ("from=2020-01-01&to=2026-12-31", "时间范围不能超过 366 天") })
        {
            var (refused, refusedPage) = await HtmlPage.GetAsync(s.Leader, $"{url}?{bad}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(message, refusedPage.QuerySelector(".form-error")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.BadRequest, (await s.Leader.GetAsync(new Uri($"{url}?handler=Docx&{bad}", UriKind.Relative))).StatusCode);
        }
        var (far, farPage) = await HtmlPage.GetAsync(s.Leader, $"{url}?from=9999-12-15");
        Assert.Equal(HttpStatusCode.BadRequest, far.StatusCode);
        Assert.Contains("日期须在 2000-01-01 到", farPage.QuerySelector(".form-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await s.Leader.GetAsync(new Uri($"{url}?from=2026-13-45", UriKind.Relative))).StatusCode);   // not a date: this month

        // Another leader's group, and a member of this one: no record.
        var stranger = await factory.StoryAsync(groupName: "别的支部");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Leader.GetAsync(new Uri($"{url}?handler=Docx&{query}", UriKind.Relative))).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await s.MemberClient.GetAsync(new Uri($"{url}?{query}", UriKind.Relative))).StatusCode);
    }

    /// <summary>LibreOffice opens the Word file: A4, the margins, Chinese that renders (a PNG of page one is kept to look at).</summary>
    [Fact]
    [Trait("Provider", "Sqlite")]
    public async Task TheWordRecord_RendersInLibreOffice_OnA4_WithTheMargins_AndChineseText()
    {
        var (s, query) = await CheckedInStoryAsync();
        var bytes = await s.Leader.GetByteArrayAsync(new Uri($"/leader/groups/{s.GroupId}/ledger?handler=Docx&{query}", UriKind.Relative));
        var folder = Path.Combine(AppContext.BaseDirectory, "ledger");
        Directory.CreateDirectory(folder);
        var docx = Path.Combine(folder, "ledger.docx");
        await File.WriteAllBytesAsync(docx, bytes);
        var profile = Directory.CreateTempSubdirectory("lo-profile-").FullName;
        await RunAsync("soffice", $"-env:UserInstallation=file://{profile} --headless --convert-to pdf --outdir {folder} {docx}");
        var pdf = Path.Combine(folder, "ledger.pdf");
        Assert.True(File.Exists(pdf), "LibreOffice made no PDF");

        var info = await RunAsync("pdfinfo", pdf);
        Assert.Matches(@"Page size:\s+595\.\d+ x 841\.\d+ pts", info);   // A4
        var text = await RunAsync("pdftotext", $"-layout {pdf} -");
        Assert.Contains("机关第三党支部学习台账", text, StringComparison.Ordinal);
        Assert.Matches("—\\s*1\\s*—", text);
        Assert.Contains("CJK", await RunAsync("pdffonts", pdf), StringComparison.Ordinal);   // the Chinese is drawn with a CJK font, not boxes

        // Page one at 100 dpi: nothing outside the type area but the page number below it.
        await RunAsync("pdftoppm", $"-r 100 -f 1 -l 1 -png -singlefile {pdf} {Path.Combine(folder, "ledger-page-1")}");
        await RunAsync("pdftoppm", $"-r 100 -f 1 -l 1 -gray -singlefile {pdf} {Path.Combine(folder, "ledger-page-1")}");
        var (width, height, pixels) = ReadPgm(Path.Combine(folder, "ledger-page-1.pgm"));
        double Mm(int px) => px * 25.4 / 100;
        var ink = Enumerable.Range(0, height).SelectMany(y => Enumerable.Range(0, width).Where(x => pixels[y * width + x] < 128).Select(x => (x, y))).ToList();
        var text1 = ink.Where(p => Mm(p.y) < 297 - 35 + 1).ToList();   // the type area; the page number is below it
        Assert.True(Mm(text1.Min(p => p.x)) >= 27, $"left edge at {Mm(text1.Min(p => p.x)):0.0} mm");
        Assert.True(Mm(text1.Max(p => p.x)) <= 210 - 26 + 1, $"right edge at {Mm(text1.Max(p => p.x)):0.0} mm");
        Assert.True(Mm(text1.Min(p => p.y)) >= 36, $"top edge at {Mm(text1.Min(p => p.y)):0.0} mm");
        var number = ink.Where(p => Mm(p.y) >= 297 - 35 + 1).ToList();
        Assert.NotEmpty(number);
        Assert.True(Mm(number.Min(p => p.x)) > 105, "the page number of page one stands on the right");
    }

    private static (int Width, int Height, byte[] Pixels) ReadPgm(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var at = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)bytes[at])) at++;
            var start = at;
            while (!char.IsWhiteSpace((char)bytes[at])) at++;
            return Encoding.ASCII.GetString(bytes, start, at - start);
        }
        Assert.Equal("P5", Token());
        var (width, height) = (int.Parse(Token(), CultureInfo.InvariantCulture), int.Parse(Token(), CultureInfo.InvariantCulture));
        Token();
        at++;
        return (width, height, bytes[at..]);
    }

    private static async Task<string> RunAsync(string tool, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException(tool + " did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{tool} {arguments}: exit {process.ExitCode}\n{await error}");
        return await output;
    }
}

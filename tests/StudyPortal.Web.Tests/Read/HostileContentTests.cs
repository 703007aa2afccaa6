using System.Text;
using Microsoft.Extensions.DependencyInjection;
using StudyPortal.Data.Importing;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Read;

/// <summary>Nothing a document contains runs as script: headings, paragraphs and Markdown links are shown as text.</summary>
public sealed class HostileContentTests : IClassFixture<PortalFactory>
{
    public const string Text = """
        学习材料<script>alert('title')</script>

        ## 第一部分<script>alert('heading')</script>

        这一段正文里有脚本<script>alert('paragraph')</script>，还有图片<img src=x onerror="alert('img')">，都要原样显示。

        这一段有**强调**和一个[危险链接](javascript:alert('link'))，以及一个[正常链接](https://example.org/)。

        - 第一条要点
        - 第二条要点

        ## 第二部分<img src=x onerror=alert(2)>

        最后一段正文，用来结束。
        """;

    private readonly PortalFactory _factory;

    public HostileContentTests(PortalFactory factory) => _factory = factory;

    private async Task<string> ImportAsync()
    {
        using var scope = _factory.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<DocumentImporter>().ImportBytesAsync(Encoding.UTF8.GetBytes(Text), "hostile.md", "test");
        Assert.True(result.Succeeded, result.Error);
        var db = scope.ServiceProvider.GetRequiredService<StudyPortal.Data.PortalDbContext>();
        return db.Sections.Where(s => s.DocumentId == result.Outcome!.DocumentId && s.Heading.StartsWith("第一部分")).Select(s => s.Key).Single();
    }

    [Fact]
    public async Task ScriptAndImageTags_AreShownAsText_InHeadingAndParagraph()
    {
        var key = await ImportAsync();
        var (_, page) = await HtmlPage.GetAsync(_factory.CreateClient(), $"/read/{key}");
        var article = page.QuerySelector("article")!;
        Assert.Empty(article.QuerySelectorAll("script"));
        Assert.Empty(article.QuerySelectorAll("img"));
        Assert.Empty(page.QuerySelectorAll("[onerror]"));
        Assert.Contains("<script>alert('heading')</script>", article.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("<script>alert('paragraph')</script>", article.TextContent, StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=\"alert('img')\">", article.TextContent, StringComparison.Ordinal);
        Assert.Equal(["/js/site.js"], page.QuerySelectorAll("body script").Select(s => s.GetAttribute("src")!.Split('?')[0]));
    }

    [Fact]
    public async Task MarkdownLinks_KeepOnlySafeAddresses_AndEmphasisSurvives()
    {
        var key = await ImportAsync();
        var (_, page) = await HtmlPage.GetAsync(_factory.CreateClient(), $"/read/{key}");
        var article = page.QuerySelector("article")!;
        Assert.DoesNotContain(article.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").Contains("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(article.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://example.org/");
        Assert.Equal("强调", article.QuerySelector("strong")!.TextContent);
        Assert.Equal(["第一条要点", "第二条要点"], article.QuerySelectorAll("ul li").Select(li => li.TextContent.Trim()));
    }
}

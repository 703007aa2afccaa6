using System.Net;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Documents;

[Collection(PortalCollection.Name)]
public sealed class DocumentPageTests(PortalFactory factory)
{
    [Fact]
    public async Task Document_ShowsArticlesWithSources_AndSectionsWithReadingTime()
    {
        var id = await factory.DocumentIdAsync(Seeded.Booklet);
        var (response, page) = await HtmlPage.GetAsync(factory.CreateClient(), $"/documents/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Seeded.Booklet, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("2023年7月", page.QuerySelector(".page-head .meta")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("党群工作部", page.QuerySelector(".page-head .meta")!.TextContent, StringComparison.Ordinal);
        var articles = page.QuerySelectorAll(".toc-article");
        Assert.Equal(3, articles.Length);
        Assert.All(articles, a => Assert.Contains("来源：共产党员网", a.TextContent, StringComparison.Ordinal));
        var sections = articles[2].QuerySelectorAll(".toc-sections li");
        Assert.Contains(sections, s => s.TextContent.Contains("谋深虑远、运筹帷幄，指引网信事业高质量发展", StringComparison.Ordinal));
        Assert.All(sections, s => Assert.Matches(@"约 \d+ 分钟", s.TextContent));
        Assert.All(sections, s => Assert.NotNull(s.QuerySelector(".progress-slot[data-section-key]")));
    }

    [Fact]
    public async Task Document_ShowsTheAuthorOfASinglePiece()
    {
        var id = await factory.DocumentIdAsync("阔步迈向网络强国");
        var (_, page) = await HtmlPage.GetAsync(factory.CreateClient(), $"/documents/{id}");
        Assert.Contains("作者：中央网络安全和信息化委员会办公室室务会", page.QuerySelector(".toc-article")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/documents/999999")]
    [InlineData("/documents/abc")]
    [InlineData("/documents/-1")]
    public async Task UnknownDocument_IsAFriendly404(string url)
    {
        var (response, page) = await HtmlPage.GetAsync(factory.CreateClient(), url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("页面不存在", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.DoesNotContain("Exception", page.Source.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArticlePrintView_HasEverySection_AndNoNavigation()
    {
        var id = await factory.DocumentIdAsync(Seeded.Booklet);
        var (_, toc) = await HtmlPage.GetAsync(factory.CreateClient(), $"/documents/{id}");
        var printLink = toc.QuerySelectorAll(".toc-article")[2].QuerySelector("a[href$='/print']")!.GetAttribute("href")!;
        var (response, page) = await HtmlPage.GetAsync(factory.CreateClient(), printLink);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(page.QuerySelector("nav"));
        Assert.Null(page.QuerySelector("header"));
        Assert.Equal(["高瞻远瞩、审时度势，吹响建设网络强国时代号角", "谋深虑远、运筹帷幄，指引网信事业高质量发展", "人民至上、为民造福，亿万人民共享互联网发展成果"], page.Texts("article h2"));
    }

    [Fact]
    public async Task PrintView_OfAnArticleOfAnotherDocument_Is404()
    {
        var id = await factory.DocumentIdAsync(Seeded.Booklet);
        var other = await factory.DocumentIdAsync(Seeded.Quotations);
        var (_, toc) = await HtmlPage.GetAsync(factory.CreateClient(), $"/documents/{id}");
        var printLink = toc.QuerySelector(".toc-article a[href$='/print']")!.GetAttribute("href")!;
        var forged = printLink.Replace($"/documents/{id}/", $"/documents/{other}/", StringComparison.Ordinal);
        var (response, _) = await HtmlPage.GetAsync(factory.CreateClient(), forged);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

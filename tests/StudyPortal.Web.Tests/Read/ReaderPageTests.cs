using System.Net;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Read;

[Collection(PortalCollection.Name)]
public sealed class ReaderPageTests(PortalFactory factory)
{
    [Fact]
    public async Task Reader_ShowsSeed003sFirstThemeQuotations_WithTheirDatesAndOccasions()
    {
        var key = await factory.SectionKeyAsync(Seeded.Quotations, "把握时代大势");
        var (response, page) = await HtmlPage.GetAsync(factory.CreateClient(), $"/read/{key}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("把握时代大势", page.QuerySelector("article h1")!.TextContent.Trim());
        var quotations = page.QuerySelectorAll("article figure.quotation");
        Assert.Equal(3, quotations.Length);
        var first = quotations[0];
        Assert.StartsWith("信息化和经济全球化相互促进", first.QuerySelector("blockquote")!.TextContent.Trim(), StringComparison.Ordinal);
        var caption = first.QuerySelector("figcaption")!.TextContent;
        Assert.Contains("习近平", caption, StringComparison.Ordinal);
        Assert.Contains("2014年2月27日", caption, StringComparison.Ordinal);
        Assert.Contains("在中央网络安全和信息化领导小组第一次会议上的讲话", caption, StringComparison.Ordinal);
        Assert.Matches("^/quotes/\\d+$", first.QuerySelector("a.quotation-permalink")!.GetAttribute("href")!);
        Assert.Contains("2018年4月20日至21日", quotations[2].QuerySelector("figcaption")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reader_ShowsBreadcrumb_ContentsAndPreviousNextAcrossArticles()
    {
        var key = await factory.SectionKeyAsync(Seeded.Booklet, "高瞻远瞩、审时度势，吹响建设网络强国时代号角");
        var (_, page) = await HtmlPage.GetAsync(factory.CreateClient(), $"/read/{key}");
        Assert.Equal(["学习资料库", Seeded.Booklet, "建设网络强国 助力民族复兴——以习近平同志为核心的党中央引领网信事业发展述评", "高瞻远瞩、审时度势，吹响建设网络强国时代号角"],
            page.Texts(".breadcrumb li"));
        Assert.NotNull(page.QuerySelector(".reader-toc-side a[aria-current='page']"));
        Assert.NotNull(page.QuerySelector("details.reader-toc-drawer"));
        var next = page.QuerySelector(".chapter-nav a[rel='next']")!;
        Assert.Contains("谋深虑远", next.TextContent, StringComparison.Ordinal);
        Assert.Contains("开篇", page.QuerySelector(".chapter-nav a[rel='prev']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("article p"), p => p.TextContent.Contains("当年2月，中央网络安全和信息化领导小组第一次会议召开", StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector("article p.subheading") ?? page.QuerySelector("article p"));
    }

    [Fact]
    public async Task Reader_FirstSectionOfAnArticle_LinksBackToThePreviousArticle()
    {
        var key = await factory.FirstSectionKeyAsync(Seeded.Booklet, 1);
        var (_, page) = await HtmlPage.GetAsync(factory.CreateClient(), $"/read/{key}");
        Assert.Contains("习近平总书记关于网络强国的重要思想内涵", page.QuerySelector(".chapter-nav a[rel='prev']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("来源：共产党员网", page.QuerySelector(".chapter-meta")!.TextContent, StringComparison.Ordinal);
        Assert.Matches(@"约 \d+ 分钟", page.QuerySelector(".chapter-meta")!.TextContent);
    }

    [Fact]
    public async Task Reader_LeadInLines_AreSubheadings()
    {
        var key = await factory.SectionKeyAsync(Seeded.Booklet, "谋深虑远、运筹帷幄，指引网信事业高质量发展");
        var (_, page) = await HtmlPage.GetAsync(factory.CreateClient(), $"/read/{key}");
        Assert.Contains("提高网络综合治理能力，构建网上网下同心圆——", page.Texts("article p.subheading"));
    }

    [Theory]
    [InlineData("/read/000000000000")]
    [InlineData("/read/%3Cscript%3E")]
    [InlineData("/read/' OR 1=1 --")]
    public async Task UnknownSection_IsAFriendly404(string url)
    {
        var (response, page) = await HtmlPage.GetAsync(factory.CreateClient(), url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("页面不存在", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Reader_ForAnOverlongKey_Is404()
    {
        var (response, _) = await HtmlPage.GetAsync(factory.CreateClient(), "/read/" + new string('a', 5000));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

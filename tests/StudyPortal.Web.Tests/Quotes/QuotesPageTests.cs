using System.Net;
using Microsoft.Extensions.DependencyInjection;
using StudyPortal.Data;
using StudyPortal.Web.Infrastructure;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Quotes;

[Collection(PortalCollection.Name)]
public sealed class QuotesPageTests(PortalFactory factory)
{
    [Fact]
    public async Task Quotes_ByTheme_GroupsSeed003sSevenThemes()
    {
        var (response, page) = await HtmlPage.GetAsync(factory.CreateClient(), "/quotes");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var groups = page.QuerySelectorAll(".quote-group");
        var headings = groups.Select(g => g.QuerySelector("h2")!.TextContent).ToList();
        foreach (var theme in new[] { "把握时代大势", "明确发展路径", "以人民为中心", "保障网络安全", "营造清朗网络空间", "培养网信人才", "携手构建网络空间命运共同体" })
            Assert.Contains(headings, h => h.StartsWith(theme, StringComparison.Ordinal));
        Assert.Equal(22, page.QuerySelectorAll(".quote-group figure.quotation").Length);
        Assert.All(page.QuerySelectorAll(".quote-group figure.quotation"), f => Assert.NotNull(f.QuerySelector("a[href^='/read/']")));
    }

    [Fact]
    public async Task Quotes_ByYear_AndByOccasion()
    {
        var (_, byYear) = await HtmlPage.GetAsync(factory.CreateClient(), "/quotes?by=year");
        var years = byYear.Texts(".quote-group h2");
        Assert.Contains(years, y => y.StartsWith("2014年", StringComparison.Ordinal));
        Assert.Contains(years, y => y.StartsWith("2018年", StringComparison.Ordinal));
        Assert.Equal("page", byYear.QuerySelector(".tabs a[href='/quotes?by=year']")!.GetAttribute("aria-current"));

        var (_, byOccasion) = await HtmlPage.GetAsync(factory.CreateClient(), "/quotes?by=occasion");
        var first = byOccasion.QuerySelector(".quote-group h2")!.TextContent;
        Assert.StartsWith("在网络安全和信息化工作座谈会上的讲话", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quotation_HasItsOwnPage_LinkingToTheParagraph()
    {
        var (_, list) = await HtmlPage.GetAsync(factory.CreateClient(), "/quotes");
        var href = list.QuerySelector(".quote-group a[href^='/quotes/']")!.GetAttribute("href")!;
        var (response, page) = await HtmlPage.GetAsync(factory.CreateClient(), href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(page.QuerySelector("blockquote")!.TextContent.Trim());
        Assert.Matches("^/read/[0-9a-f]{12}#p-\\d+$", page.QuerySelector(".quotation-facts a")!.GetAttribute("href")!);
    }

    [Fact]
    public async Task UnknownQuotation_IsA404()
    {
        var (response, _) = await HtmlPage.GetAsync(factory.CreateClient(), "/quotes/987654");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task QuotationOfTheDay_IsTheSameAllDay_AndChangesTheNextDay()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        // 08:00 and 23:30 China time on the same day, then 00:30 the next day.
        var morning = await new QuotationOfTheDay(db, new FixedClock(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero))).PickAsync();
        var evening = await new QuotationOfTheDay(db, new FixedClock(new DateTimeOffset(2026, 11, 23, 15, 30, 0, TimeSpan.Zero))).PickAsync();
        var nextDay = await new QuotationOfTheDay(db, new FixedClock(new DateTimeOffset(2026, 11, 23, 16, 30, 0, TimeSpan.Zero))).PickAsync();
        Assert.Equal(morning!.Id, evening!.Id);
        Assert.NotEqual(evening.Id, nextDay!.Id);
    }

    [Fact]
    public async Task Home_ShowsTheQuotationOfTheDay()
    {
        var (_, page) = await HtmlPage.GetAsync(factory.CreateClient(), "/");
        Assert.NotNull(page.QuerySelector(".quote-of-day figure.quotation blockquote"));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

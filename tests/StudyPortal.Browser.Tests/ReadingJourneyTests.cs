using Microsoft.Playwright;

namespace StudyPortal.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ReadingJourneyTests(BrowserPortal portal)
{
    private const string Booklet = "关于“网络强国”的深刻阐述";
    private const string Article3 = "建设网络强国 助力民族复兴——以习近平同志为核心的党中央引领网信事业发展述评";

    [Fact]
    public async Task Reader_FromTheLibrary_ThroughArticle3_TurningWithTheKeyboard_KeepingThemeAndFontSize()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Equal("学习资料库", await page.Locator("h1").InnerTextAsync());
        await BrowserPortal.ScreenshotAsync(page, "library-desktop");

        await page.GetByRole(AriaRole.Link, new() { Name = Booklet, Exact = true }).ClickAsync();
        Assert.Equal(Booklet, await page.Locator("h1").InnerTextAsync());

        await page.Locator("#article-2 h3 a").ClickAsync();
        Assert.Equal(Article3, (await page.Locator("article h1").InnerTextAsync()).Trim());
        var opening = page.Url;

        // Listen for the navigation before pressing, so a fast (or, under load, slow) page turn is never missed.
        await TurnAsync(page, "ArrowRight");
        Assert.NotEqual(opening, page.Url);
        Assert.Equal("高瞻远瞩、审时度势，吹响建设网络强国时代号角", (await page.Locator("article h1").InnerTextAsync()).Trim());
        await TurnAsync(page, "ArrowLeft");
        Assert.Equal(opening, page.Url);
        await TurnAsync(page, "ArrowRight");

        var sizeBefore = await FontSizeAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "夜间模式" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "放大字号" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "放大字号" }).ClickAsync();
        Assert.Equal("dark", await page.EvaluateAsync<string>("document.documentElement.getAttribute('data-theme')"));
        Assert.Equal(sizeBefore + 4, await FontSizeAsync(page));

        await page.ReloadAsync();
        Assert.Equal("dark", await page.EvaluateAsync<string>("document.documentElement.getAttribute('data-theme')"));
        Assert.Equal(sizeBefore + 4, await FontSizeAsync(page));
        Assert.Equal("rgb(23, 24, 26)", await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
        await BrowserPortal.ScreenshotAsync(page, "reader-desktop-dark");
    }

    private static async Task TurnAsync(IPage page, string key)
    {
        var from = page.Url;
        var turned = page.WaitForURLAsync(url => url != from, new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 });
        await page.Keyboard.PressAsync(key);
        await turned;
    }

    [Fact]
    public async Task PrintView_HidesNavigation_AndShowsTheText()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = Booklet, Exact = true }).ClickAsync();
        await page.Locator("#article-2 h3 a").ClickAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        foreach (var selector in new[] { "header.site-header", "footer.site-footer", ".reader-toc-side", ".chapter-nav", ".reader-tools", ".breadcrumb" })
            Assert.False(await page.Locator(selector).IsVisibleAsync(), selector + " should not print");
        Assert.True(await page.Locator("article.chapter p").First.IsVisibleAsync());

        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await page.GetByRole(AriaRole.Link, new() { Name = "打印全文" }).ClickAsync();
        Assert.Equal(0, await page.Locator("nav").CountAsync());
        Assert.Equal(3, await page.Locator("article h2").CountAsync());
    }

    [Fact]
    public async Task Reader_OnAPhone_HasTheContentsInADrawer()
    {
        var page = await portal.NewPageAsync(390, 844);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = Booklet, Exact = true }).ClickAsync();
        await page.Locator("#article-2 .toc-sections a").Nth(1).ClickAsync();
        Assert.False(await page.Locator(".reader-toc-side").IsVisibleAsync());
        var drawer = page.Locator("details.reader-toc-drawer");
        Assert.True(await drawer.IsVisibleAsync());
        Assert.False(await drawer.Locator("a").First.IsVisibleAsync());
        await BrowserPortal.ScreenshotAsync(page, "reader-phone");
        await drawer.Locator("summary").ClickAsync();
        Assert.True(await drawer.Locator("a[aria-current='page']").IsVisibleAsync());
        await BrowserPortal.ScreenshotAsync(page, "reader-phone-contents");
        // Nothing sticks out sideways: the page is no wider than the phone.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"));
    }

    [Fact]
    public async Task Reader_WithoutJavaScript_StillReads()
    {
        var page = await portal.NewPageAsync(javaScript: false);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = Booklet, Exact = true }).ClickAsync();
        await page.Locator("#article-2 h3 a").ClickAsync();
        Assert.True(await page.Locator("article.chapter p").First.IsVisibleAsync());
        Assert.False(await page.Locator(".reader-tools[role='toolbar']").IsVisibleAsync());
        await page.Locator(".chapter-nav a[rel='next']").ClickAsync();
        Assert.Equal("高瞻远瞩、审时度势，吹响建设网络强国时代号角", (await page.Locator("article h1").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task QuotationsPage_Renders_OnDesktopAndPhone()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/quotes");
        Assert.Equal("金句", await page.Locator("h1").InnerTextAsync());
        Assert.True(await page.Locator(".quote-group figure.quotation").CountAsync() >= 18);
        await BrowserPortal.ScreenshotAsync(page, "quotes-desktop");
        var phone = await portal.NewPageAsync(390, 844);
        await phone.GotoAsync("/quotes");
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"));
        await BrowserPortal.ScreenshotAsync(phone, "quotes-phone");
        var library = await portal.NewPageAsync(390, 844);
        await library.GotoAsync("/");
        await BrowserPortal.ScreenshotAsync(library, "library-phone");
    }

    private static async Task<int> FontSizeAsync(IPage page) =>
        (int)Math.Round(await page.EvaluateAsync<double>("parseFloat(getComputedStyle(document.querySelector('article.chapter')).fontSize)"));
}

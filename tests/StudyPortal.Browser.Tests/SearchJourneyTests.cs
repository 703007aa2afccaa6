using Microsoft.Playwright;

namespace StudyPortal.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SearchJourneyTests(BrowserPortal portal)
{
    [Fact]
    public async Task SearchFromTheHeader_OpensTheReaderWithTheTermHighlighted()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/quotes");
        await page.Locator("#site-search-q").FillAsync("网信");
        await page.Locator("#site-search-q").PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/search?q=", StringComparison.Ordinal));
        Assert.True(await page.Locator(".result").CountAsync() > 0);
        await BrowserPortal.ScreenshotAsync(page, "search-desktop");
        await page.Locator(".result h3 a").First.ClickAsync();
        Assert.True(await page.Locator("article mark").CountAsync() > 0);
        var phone = await portal.NewPageAsync(390, 844);
        await phone.GotoAsync("/search?q=" + Uri.EscapeDataString("网络安全"));
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"));
        await BrowserPortal.ScreenshotAsync(phone, "search-phone");
    }
}

using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StudyPortal.Data;
using StudyPortal.Data.Importing;

namespace StudyPortal.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class HostileContentBrowserTests(BrowserPortal portal)
{
    private const string Text = """
        浏览器安全测试材料<script>window.__pwned = 'title'</script>

        ## 标题里的脚本<script>window.__pwned = 'heading'; alert('heading')</script>

        正文里的脚本<script>window.__pwned = 'paragraph'; alert('paragraph')</script>和图片<img src=x onerror="window.__pwned='img'; alert('img')">都只是文字。

        ## 标题里的图片<img src=x onerror="window.__pwned='heading-img'">

        还有一个[链接](javascript:window.__pwned='link')。
        """;

    [Fact]
    public async Task ScriptsInADocument_NeverRun_InTheBrowser()
    {
        string key;
        using (var scope = portal.Portal.Services.CreateScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<DocumentImporter>().ImportBytesAsync(Encoding.UTF8.GetBytes(Text), "xss.md", "test");
            Assert.True(result.Succeeded, result.Error);
            key = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Sections
                .Where(s => s.DocumentId == result.Outcome!.DocumentId && s.Heading.StartsWith("标题里的脚本")).Select(s => s.Key).SingleAsync();
        }

        var page = await portal.NewPageAsync();
        var dialogs = 0;
        page.Dialog += async (_, dialog) => { dialogs++; await dialog.DismissAsync(); };
        foreach (var url in new[] { $"/read/{key}", "/" })
        {
            await page.GotoAsync(url);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.Null(await page.EvaluateAsync<string?>("window.__pwned ?? null"));
        }
        await page.GotoAsync($"/read/{key}");
        Assert.Contains("<script>", await page.Locator("article h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("onerror", await page.Locator("article").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator(".chapter-nav a[rel='next']").ClickAsync();
        var link = page.Locator("article a", new() { HasText = "链接" });
        if (await link.CountAsync() > 0) await link.ClickAsync();
        Assert.Null(await page.EvaluateAsync<string?>("window.__pwned ?? null"));
        Assert.Equal(0, dialogs);
        await BrowserPortal.ScreenshotAsync(page, "hostile-content");
    }
}

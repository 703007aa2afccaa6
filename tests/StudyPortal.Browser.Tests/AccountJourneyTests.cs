using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StudyPortal.Data.Accounts;
using StudyPortal.Tests;
using StudyPortal.Web.Tests.Infrastructure;
using static StudyPortal.Browser.Tests.BrowserPortal;

namespace StudyPortal.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed partial class AccountJourneyTests(BrowserPortal portal)
{

    [Fact]
    public async Task Admin_SignsIn_UploadsAPdf_PreviewsIt_AndConfirms()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/account/signin");
        await BrowserPortal.ScreenshotAsync(page, "signin-desktop");
        var phone = await portal.NewPageAsync(390, 844);
        await phone.GotoAsync("/account/signin");
        await BrowserPortal.ScreenshotAsync(phone, "signin-phone");

        await SignInAsync(page, PortalFactory.AdminUserName, PortalFactory.AdminPassword);
        Assert.Equal("管理员", (await page.Locator(".user-name").InnerTextAsync()).Trim());
        await page.GotoAsync("/quotes/1");
        await page.Locator(".user-menu[data-me]").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Equal("管理员", (await page.Locator(".user-name").InnerTextAsync()).Trim());
        await BrowserPortal.ScreenshotAsync(page, "quotation-signed-in-desktop");
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = "管理", Exact = true }).ClickAsync();
        Assert.Equal("资料管理", await page.Locator("h1").InnerTextAsync());
        await BrowserPortal.ScreenshotAsync(page, "admin-documents-desktop");

        // A speech printed to PDF and edited: new content, so the library takes it as a new version.
        var text = File.ReadAllText(TestPaths.Seed("004")) + "\n\n（本文有删节）\n";
        var pdf = await PdfFixture.FromTextAsync(portal.Browser, text);
        await page.GotoAsync("/admin/upload");
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "六大重要信号.pdf", MimeType = "application/pdf", Buffer = pdf });
        Assert.Contains("六大重要信号.pdf", await page.Locator("#chosen-files").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserPortal.ScreenshotAsync(page, "upload-desktop");
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并预览" }).ClickAsync();
        await page.Locator(".upload-results li.ok").WaitForAsync();

        await page.Locator(".upload-results li.ok a").ClickAsync();
        await page.WaitForURLAsync(PreviewUrl());
        Assert.Equal("PDF 文字层", await page.Locator(".encoding").InnerTextAsync());
        Assert.Equal("全国网络安全和信息化工作会议释放六大重要信号", await page.Locator("input[name='Form.Title']").InputValueAsync());
        Assert.True(await page.Locator(".preview-article li").CountAsync() > 5);
        await BrowserPortal.ScreenshotAsync(page, "upload-preview-desktop");
        var phonePreview = await portal.NewPageAsync(390, 844);
        await SignInAsync(phonePreview, PortalFactory.AdminUserName, PortalFactory.AdminPassword);
        await phonePreview.GotoAsync(page.Url);
        await BrowserPortal.ScreenshotAsync(phonePreview, "upload-preview-phone");

        // The seeded library holds this speech already: replacing it is the admin's explicit choice.
        await page.Locator("input[name='Form.Replace']").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认导入" }).ClickAsync();
        await page.WaitForURLAsync(DocumentUrl());
        Assert.Equal("全国网络安全和信息化工作会议释放六大重要信号", await page.Locator("h1").InnerTextAsync());

        await page.GotoAsync("/admin/users");
        await BrowserPortal.ScreenshotAsync(page, "admin-users-desktop");
        await phonePreview.GotoAsync("/admin/users/import");
        await BrowserPortal.ScreenshotAsync(phonePreview, "admin-users-import-phone");
        await page.GotoAsync("/admin/audit");
        Assert.Contains("全国网络安全和信息化工作会议释放六大重要信号", await page.Locator("tbody").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reader_SeesNoAdminLink_AndGetsANotAllowedPage()
    {
        string userName;
        using (var scope = portal.Portal.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            userName = "reader" + Guid.NewGuid().ToString("N")[..6];
            var user = new PortalUser { UserName = userName, DisplayName = "李明", CreatedAtUtc = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, "Reader-pass-2026")).Succeeded);
            await users.AddToRoleAsync(user, PortalRoles.Reader);
        }
        var page = await portal.NewPageAsync(390, 844);
        await SignInAsync(page, userName, "Reader-pass-2026");
        Assert.Equal("李明", (await page.Locator(".user-name").InnerTextAsync()).Trim());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "管理", Exact = true }).CountAsync());
        await BrowserPortal.ScreenshotAsync(page, "library-signed-in-phone");

        // A chapter is one page shared by every reader: the header's name is filled in after it loads (/api/me).
        await page.GetByRole(AriaRole.Link, new() { Name = "关于“网络强国”的深刻阐述", Exact = true }).ClickAsync();
        var reported = page.WaitForResponseAsync(r => r.Url.Contains("handler=Progress", StringComparison.Ordinal));
        await page.Locator("#article-2 h3 a").ClickAsync();
        await page.Locator(".user-menu[data-me]").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Equal("李明", (await page.Locator(".user-name").InnerTextAsync()).Trim());
        Assert.Equal("通知（0 条未读）", await page.Locator(".bell").GetAttributeAsync("aria-label"));
        await BrowserPortal.ScreenshotAsync(page, "reader-signed-in-phone");
        // The contents page is shared too; the reader's own mark for the section just opened is asked for after load.
        var section = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        Assert.Equal(204, (await reported).Status);
        await page.GoBackAsync();
        await page.ReloadAsync();
        await page.Locator($".progress-slot[data-section-key='{section}'] :is(.read, .reading)").WaitForAsync();
        await BrowserPortal.ScreenshotAsync(page, "contents-signed-in-phone");

        var response = await page.GotoAsync("/admin/upload");
        Assert.Equal(403, response!.Status);
        Assert.Equal("没有权限", await page.Locator("h1").InnerTextAsync());
        await BrowserPortal.ScreenshotAsync(page, "forbidden-phone");

        // The header links to the sign-out page, which asks (its form carries the token; no page carries one for the header).
        await page.GetByRole(AriaRole.Link, new() { Name = "退出", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "退出", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/signin", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"/admin/upload/[0-9a-f-]{36}$")]
    private static partial Regex PreviewUrl();

    [GeneratedRegex(@"/documents/\d+$")]
    private static partial Regex DocumentUrl();
}

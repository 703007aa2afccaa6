using StudyPortal.Data.Importing;
using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StudyPortal.Tests;
using StudyPortal.Web.Pages.Admin.Upload;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Admin;

/// <summary>What probing the upload found (issue 12, items 5–8): same-title races, drafts kept forever, zip bombs, audit entries for no-ops.</summary>
public sealed class UploadSafetyTests(EmptyPortalFactory factory) : UploadTestBase(factory), IClassFixture<EmptyPortalFactory>
{
    private static byte[] Markdown(string title, string body) => Encoding.UTF8.GetBytes($"# {title}\n\n## 第一部分\n\n{body}\n");

    private async Task<(string Url, IHtmlDocument Preview)> PreviewAsync(HttpClient admin, string name, byte[] bytes)
    {
        var (_, page) = await UploadAsync(admin, (name, bytes));
        var url = PreviewUrl(page, name);
        var (_, preview) = await HtmlPage.GetAsync(admin, url);
        return (url, preview);
    }

    [Fact]
    public async Task TwoPreviewsOfOneTitle_TheSecondConfirmIsRefused_UntilReplacingIsChosen()
    {
        var admin = await Factory.AdminClientAsync();
        var other = await Factory.SignedInAsync(StudyPortal.Data.Accounts.PortalRoles.Admin);
        var (first, firstPreview) = await PreviewAsync(admin, "a.md", Markdown("同名竞争资料", "第一位管理员上传的正文，内容足够长，用于检验同名资料的处理。"));
        var (second, secondPreview) = await PreviewAsync(other, "b.md", Markdown("同名竞争资料", "第二位管理员上传的另一份正文，内容完全不同，也足够长。"));
        Assert.Null(firstPreview.QuerySelector("input[name='Form.Replace']"));
        Assert.Null(secondPreview.QuerySelector("input[name='Form.Replace']"));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(first, new() { ["Form.Title"] = "同名竞争资料" }, first + "?handler=Confirm")).StatusCode);
        var stored = await DbAsync(db => db.Documents.SingleAsync(d => d.Title == "同名竞争资料"));

        // The second admin's premise (a new title) no longer holds: refused, nothing stored, the page says why.
        var refused = await other.SubmitFormAsync(second, new() { ["Form.Title"] = "同名竞争资料" }, second + "?handler=Confirm");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Contains("同名竞争资料", page.QuerySelector(".form-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(stored.Id, int.Parse(page.QuerySelector("input[name='Form.Replace']")!.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(stored.ContentHash, await DbAsync(db => db.Documents.Where(d => d.Id == stored.Id).Select(d => d.ContentHash).SingleAsync()));

        // A forged or stale choice (another document's id) is refused too.
        var forged = await other.SubmitFormAsync(second, new() { ["Form.Title"] = "同名竞争资料", ["Form.Replace"] = (stored.Id + 1000).ToString(System.Globalization.CultureInfo.InvariantCulture) }, second + "?handler=Confirm");
        Assert.Equal(HttpStatusCode.Conflict, forged.StatusCode);
        // Correcting the title to a new one stores it beside the first.
        var renamed = await other.SubmitFormAsync(second, new() { ["Form.Title"] = "另一份资料" }, second + "?handler=Confirm");
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);

        // Replacing, chosen explicitly, of the document the preview named.
        var (third, thirdPreview) = await PreviewAsync(other, "c.md", Markdown("同名竞争资料", "第三份正文，明确选择替换已有的同名资料，内容也足够长。"));
        var choice = thirdPreview.QuerySelector("input[name='Form.Replace']")!;
        Assert.Contains("同名竞争资料", choice.ParentElement!.TextContent, StringComparison.Ordinal);
        var replaced = await other.SubmitFormAsync(third, new() { ["Form.Title"] = "同名竞争资料", ["Form.Replace"] = choice.GetAttribute("value")! }, third + "?handler=Confirm");
        Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);
        Assert.NotEqual(stored.ContentHash, await DbAsync(db => db.Documents.Where(d => d.Id == stored.Id).Select(d => d.ContentHash).SingleAsync()));
        var (_, after) = await HtmlPage.GetAsync(other, replaced.Headers.Location!.OriginalString);
        Assert.Contains("已替换", after.QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drafts_Expire_AreSwept_AndEachAdminSeesOnlyTheirOwn()
    {
        var admin = await Factory.AdminClientAsync();
        var other = await Factory.SignedInAsync(StudyPortal.Data.Accounts.PortalRoles.Admin);
        var (mine, _) = await PreviewAsync(admin, "mine.md", Markdown("过期草稿测试", "这是一份不会被确认的草稿，用来检验草稿过期。"));
        var (theirs, _) = await PreviewAsync(other, "theirs.md", Markdown("别人的草稿", "另一位管理员的草稿，不应出现在我的列表里。"));
        var (_, list) = await HtmlPage.GetAsync(admin, "/admin/upload");
        Assert.Contains(list.QuerySelectorAll("a"), a => a.GetAttribute("href") == mine);
        Assert.DoesNotContain(list.QuerySelectorAll("a"), a => a.GetAttribute("href") == theirs);

        var id = Guid.Parse(mine[(mine.LastIndexOf('/') + 1)..]);
        await DbAsync(db => db.UploadDrafts.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.CreatedAtUtc, DateTime.UtcNow.AddHours(-25))));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri(mine, UriKind.Relative))).StatusCode);
        (_, list) = await HtmlPage.GetAsync(admin, "/admin/upload");
        Assert.DoesNotContain(list.QuerySelectorAll("a"), a => a.GetAttribute("href") == mine);

        Assert.Single(Factory.Services.GetServices<IHostedService>().OfType<DraftSweeper>());
        using (var scope = Factory.Services.CreateScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<UploadDrafts>().DeleteExpiredAsync(CancellationToken.None) >= 1);
        Assert.False(await DbAsync(db => db.UploadDrafts.AnyAsync(d => d.Id == id)));
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(new Uri(theirs, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task ADraftIsParsedOnce_ThePreviewDoesNotParseItAgain()
    {
        var admin = await Factory.AdminClientAsync();
        var (url, _) = await PreviewAsync(admin, "once.md", Markdown("只解析一次", "预览页面的每次打开和提交都使用上传时的解析结果。"));
        // Were the preview to parse the stored bytes again, these would fail it.
        var id = Guid.Parse(url[(url.LastIndexOf('/') + 1)..]);
        await DbAsync(db => db.UploadDrafts.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.Bytes, new byte[] { 0, 1, 2, 3 })));
        var (response, preview) = await HtmlPage.GetAsync(admin, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("只解析一次", ((IHtmlInputElement)preview.QuerySelector("input[name='Form.Title']")!).Value);
    }

    [Fact]
    public async Task ZipBomb_IsRefusedAtUpload_WithAClearMessage_AndNoDraft()
    {
        var admin = await Factory.AdminClientAsync();
        var drafts = await DbAsync(db => db.UploadDrafts.CountAsync());
        var (response, page) = await UploadAsync(admin, ("bomb.docx", ZipBombFixture.ManyParagraphs(1_000_000)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("解压后过大", page.QuerySelector(".upload-results li.refused .reason")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(drafts, await DbAsync(db => db.UploadDrafts.CountAsync()));
    }

    [Fact]
    public async Task ConfirmingTheSameBytesTwice_AuditsOnlyWhatHappened()
    {
        var admin = await Factory.AdminClientAsync();
        var bytes = Markdown("审计测试资料", "同一份文件上传两次、确认两次，第二次什么也没有保存。");
        var (first, _) = await PreviewAsync(admin, "same.md", bytes);
        var (second, _) = await PreviewAsync(admin, "same.md", bytes);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(first, new() { ["Form.Title"] = "审计测试资料" }, first + "?handler=Confirm")).StatusCode);
        var entries = await DbAsync(db => db.AuditEntries.CountAsync(a => a.Subject == "审计测试资料"));
        Assert.Equal(1, entries);
        var again = await admin.SubmitFormAsync(second, new() { ["Form.Title"] = "审计测试资料" }, second + "?handler=Confirm");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, await DbAsync(db => db.AuditEntries.CountAsync(a => a.Subject == "审计测试资料")));
        var (_, page) = await HtmlPage.GetAsync(admin, again.Headers.Location!.OriginalString);
        Assert.Contains("未作任何更改", page.QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);
    }
}

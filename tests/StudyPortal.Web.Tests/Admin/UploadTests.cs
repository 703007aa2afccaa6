using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyPortal.Data;
using StudyPortal.Tests;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Admin;

/// <summary>The app with an empty library, so uploads start from nothing.</summary>
public sealed class EmptyPortalFactory : SecuredPortalFactory
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Portal:SeedDirectory"] = "";
            return settings;
        }
    }
}

public sealed class UploadTests(EmptyPortalFactory factory) : UploadTestBase(factory), IClassFixture<EmptyPortalFactory>
{
    [Fact]
    public async Task EverySeed_UploadedAsAUserWould_IsPreviewed_ThenStoredOnConfirm()
    {
        var admin = await Factory.AdminClientAsync();
        var seeds = TestPaths.AllSeeds.Select(p => (Path.GetFileName(p), File.ReadAllBytes(p))).ToArray();
        var documentsBefore = await DbAsync(db => db.Documents.CountAsync());
        var (response, page) = await UploadAsync(admin, seeds);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(documentsBefore, await DbAsync(db => db.Documents.CountAsync()));

        foreach (var (name, bytes) in seeds)
        {
            var parsed = new StudyPortal.Importer.DocumentParser().Parse(bytes, name);
            var url = PreviewUrl(page, name);
            var (previewResponse, preview) = await HtmlPage.GetAsync(admin, url);
            Assert.Equal(HttpStatusCode.OK, previewResponse.StatusCode);
            Assert.Equal(parsed.Title, ((IHtmlInputElement)preview.QuerySelector("input[name='Form.Title']")!).Value);
            Assert.Equal(parsed.Encoding, preview.QuerySelector(".encoding")!.TextContent);
            Assert.Equal(parsed.Articles.Select(a => a.Title), preview.Texts(".preview-article > strong"));
            Assert.Equal(parsed.AllSections.Count(), preview.QuerySelectorAll(".preview-article li").Length);
            Assert.Equal(parsed.Diagnostics.Count, preview.QuerySelectorAll("ul.all-diagnostics li").Length);
            Assert.Equal(Math.Min(200, parsed.Quotations.Count), preview.QuerySelectorAll(".preview-quotes li").Length);

            var fields = new Dictionary<string, string>
            {
                ["Form.Title"] = parsed.Title, ["Form.Series"] = parsed.Series ?? "", ["Form.Issuer"] = parsed.Issuer ?? "", ["Form.Date"] = parsed.Date?.ToIso() ?? "",
            };
            // Another test of this class may have stored the same document under its title: the admin ticks "replace".
            if (preview.QuerySelector("input[name='Form.Replace']")?.GetAttribute("value") is { } replace) fields["Form.Replace"] = replace;
            var confirm = await admin.SubmitFormAsync(url, fields, url + "?handler=Confirm");
            Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
            var documentId = int.Parse(confirm.Headers.Location!.OriginalString["/documents/".Length..], System.Globalization.CultureInfo.InvariantCulture);
            var stored = await DbAsync(db => db.Documents.Where(d => d.Id == documentId).Select(d => new { d.Title, d.ImportedBy, Sections = d.Sections.Count, Quotations = d.Quotations.Count }).SingleAsync());
            Assert.Equal((parsed.Title, PortalFactory.AdminUserName, parsed.AllSections.Count(), parsed.Quotations.Count), (stored.Title, stored.ImportedBy, stored.Sections, stored.Quotations));
            var draftId = Guid.Parse(url[(url.LastIndexOf('/') + 1)..]);
            Assert.False(await DbAsync(db => db.UploadDrafts.AnyAsync(d => d.Id == draftId)));
        }

        // The same files again: each is already in the library, nothing is stored.
        var (again, againPage) = await UploadAsync(admin, seeds[0]);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("已在资料库中", againPage.QuerySelector(".upload-results li.refused .reason")!.TextContent, StringComparison.Ordinal);

        // Seed 001's article is seed 000's second article: both documents say so.
        var booklet = await DbAsync(db => db.Documents.Where(d => d.FileName.StartsWith("000")).Select(d => d.Id).SingleAsync());
        var single = await DbAsync(db => db.Documents.Where(d => d.FileName.StartsWith("001")).Select(d => d.Id).SingleAsync());
        var (_, bookletPage) = await HtmlPage.GetAsync(admin, $"/documents/{booklet}");
        Assert.Contains(bookletPage.QuerySelectorAll("#article-1 .also-in a"), a => a.GetAttribute("href")!.StartsWith($"/documents/{single}#", StringComparison.Ordinal));
        var (_, singlePage) = await HtmlPage.GetAsync(admin, $"/documents/{single}");
        Assert.Contains(singlePage.QuerySelectorAll("#article-0 .also-in a"), a => a.GetAttribute("href") == $"/documents/{booklet}#article-1");
        Assert.Empty(bookletPage.QuerySelectorAll("#article-2 .also-in a"));

        var (_, audit) = await HtmlPage.GetAsync(admin, "/admin/audit");
        Assert.True(audit.QuerySelectorAll("tbody tr").Length >= seeds.Length);
    }

    [Fact]
    public async Task Confirm_WithCorrectedTitleBlock_StoresTheCorrection_AndABadDateIsRefused()
    {
        var admin = await Factory.AdminClientAsync();
        var bytes = Encoding.UTF8.GetBytes("测试学习材料\n\n第一部分\n\n这是一段足够长的正文，用来检验预览和更正标题的功能是否正常工作。\n");
        var (_, page) = await UploadAsync(admin, ("学习材料.md", bytes));
        var url = PreviewUrl(page, "学习材料.md");
        var bad = await admin.SubmitFormAsync(url, new() { ["Form.Title"] = "更正后的标题", ["Form.Date"] = "2023年7月" }, url + "?handler=Confirm");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.False(await DbAsync(db => db.Documents.AnyAsync(d => d.Title == "更正后的标题")));

        var ok = await admin.SubmitFormAsync(url, new() { ["Form.Title"] = "更正后的标题", ["Form.Series"] = "学习丛书", ["Form.Issuer"] = "宣传部", ["Form.Date"] = "2023-07" }, url + "?handler=Confirm");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var stored = await DbAsync(db => db.Documents.SingleAsync(d => d.Title == "更正后的标题"));
        Assert.Equal(("学习丛书", "宣传部", "2023-07", 2023), (stored.Series, stored.Issuer, stored.Date, stored.Year));
    }

    public static TheoryData<string, byte[], string> BadFiles() => new()
    {
        { "empty.txt", [], "空的" },
        { "photo.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xDE], "不是文本" },
        { "scan.pdf", ScannedPdf(), "扫描版" },
        { "broken.docx", DocxFixture.FromText("标题\n\n正文")[..300], "Word" },
        { "spaces.txt", Encoding.UTF8.GetBytes("   \n\n   \n"), "没有可导入的正文" },
    };

    private static byte[] ScannedPdf()
    {
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        return builder.Build();
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task BadFile_GetsAClearReason_AndNothingIsStored(string name, byte[] bytes, string reason)
    {
        var admin = await Factory.AdminClientAsync();
        var drafts = await DbAsync(db => db.UploadDrafts.CountAsync());
        var documents = await DbAsync(db => db.Documents.CountAsync());
        var (response, page) = await UploadAsync(admin, (name, bytes));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, page.QuerySelector(".upload-results li.refused .reason")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(drafts, await DbAsync(db => db.UploadDrafts.CountAsync()));
        Assert.Equal(documents, await DbAsync(db => db.Documents.CountAsync()));
    }

    [Fact]
    public async Task FileNameWithAPath_IsReducedToItsName_AndTheOriginalCanBeDownloaded()
    {
        var admin = await Factory.AdminClientAsync();
        var bytes = DocxFixture.FromText(Encoding.UTF8.GetString(File.ReadAllBytes(TestPaths.Seed("004"))));
        var (_, page) = await UploadAsync(admin, ("../../etc/passwd/..\\评论.docx", bytes));
        var url = PreviewUrl(page, "评论.docx");
        var (_, preview) = await HtmlPage.GetAsync(admin, url);
        var title = ((IHtmlInputElement)preview.QuerySelector("input[name='Form.Title']")!).Value;
        var confirm = await admin.SubmitFormAsync(url, new() { ["Form.Title"] = title }, url + "?handler=Confirm");
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        var id = await DbAsync(db => db.Documents.Where(d => d.FileName == "评论.docx").Select(d => d.Id).SingleAsync());

        var download = await admin.GetAsync(new Uri($"/admin/documents?handler=Original&id={id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", download.Content.Headers.ContentType!.MediaType);

        var reader = await Factory.SignedInAsync(StudyPortal.Data.Accounts.PortalRoles.Reader);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync(new Uri($"/admin/documents?handler=Original&id={id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Delete_AsksFirst_ThenRemovesTheDocument_AndReimportKeepsSectionKeys()
    {
        var admin = await Factory.AdminClientAsync();
        var bytes = Encoding.UTF8.GetBytes("删除测试资料\n\n一、第一部分\n\n第一部分的正文内容足够长，可以作为一个段落。\n\n二、第二部分\n\n第二部分的正文内容同样足够长，可以作为一个段落。\n");
        var (_, page) = await UploadAsync(admin, ("delete-me.txt", bytes));
        var url = PreviewUrl(page, "delete-me.txt");
        await admin.SubmitFormAsync(url, new() { ["Form.Title"] = "删除测试资料" }, url + "?handler=Confirm");
        var id = await DbAsync(db => db.Documents.Where(d => d.Title == "删除测试资料").Select(d => d.Id).SingleAsync());
        var keys = await DbAsync(db => db.Sections.Where(s => s.DocumentId == id).OrderBy(s => s.Position).Select(s => s.Key).ToListAsync());

        var reimport = await admin.SubmitFormAsync("/admin/documents", [], $"/admin/documents?handler=Reimport&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, reimport.StatusCode);
        Assert.Equal(keys, await DbAsync(db => db.Sections.Where(s => s.DocumentId == id).OrderBy(s => s.Position).Select(s => s.Key).ToListAsync()));

        // The stored tree is served with its keys until the document is deleted.
        using (var tree = System.Text.Json.JsonDocument.Parse(await admin.GetStringAsync(new Uri($"/api/documents/{id}", UriKind.Relative))))
            Assert.Equal(keys, tree.RootElement.GetProperty("articles")[0].GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("key").GetString()));

        var (confirmResponse, confirmPage) = await HtmlPage.GetAsync(admin, $"/admin/documents/{id}/delete");
        Assert.Equal(HttpStatusCode.OK, confirmResponse.StatusCode);
        Assert.Contains("2 个章节", confirmPage.QuerySelector(".form-page")!.TextContent, StringComparison.Ordinal);
        Assert.True(await DbAsync(db => db.Documents.AnyAsync(d => d.Id == id)));

        var noToken = await admin.PostAsync(new Uri($"/admin/documents/{id}/delete", UriKind.Relative), new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.True(await DbAsync(db => db.Documents.AnyAsync(d => d.Id == id)));

        var deleted = await admin.SubmitFormAsync($"/admin/documents/{id}/delete", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await DbAsync(db => db.Documents.AnyAsync(d => d.Id == id)));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri($"/admin/documents/{id}/delete", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri($"/api/documents/{id}", UriKind.Relative))).StatusCode);
    }
}

/// <summary>Uploading as the admin does it: the form token from the page, files as multipart, the results page parsed.</summary>
public abstract class UploadTestBase(EmptyPortalFactory factory)
{
    protected EmptyPortalFactory Factory => factory;

    protected static readonly HtmlParser Parser = new();

    protected async Task<(HttpResponseMessage Response, IHtmlDocument Page)> UploadAsync(HttpClient client, params (string Name, byte[] Bytes)[] files)
    {
        var token = await Accounts.TokenAsync(client, "/admin/upload");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, bytes) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "files", name);
        }
        var response = await client.PostAsync(new Uri("/admin/upload", UriKind.Relative), form);
        return (response, Parser.ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    protected async Task<T> DbAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    protected static string PreviewUrl(IHtmlDocument page, string fileName) =>
        page.QuerySelectorAll(".upload-results li.ok").Single(li => li.QuerySelector("strong")!.TextContent == fileName).QuerySelector("a")!.GetAttribute("href")!;

    /// <summary>Uploads and confirms a seed unless the same content is already in the library.</summary>
    protected async Task EnsureStoredAsync(HttpClient admin, string path)
    {
        var name = Path.GetFileName(path);
        var (_, page) = await UploadAsync(admin, (name, File.ReadAllBytes(path)));
        if (page.QuerySelector(".upload-results li.ok") is null) return;
        var url = PreviewUrl(page, name);
        var (_, preview) = await HtmlPage.GetAsync(admin, url);
        var fields = new Dictionary<string, string> { ["Form.Title"] = ((IHtmlInputElement)preview.QuerySelector("input[name='Form.Title']")!).Value };
        if (preview.QuerySelector("input[name='Form.Replace']")?.GetAttribute("value") is { } replace) fields["Form.Replace"] = replace;
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(url, fields, url + "?handler=Confirm")).StatusCode);
    }

}

/// <summary>A library of its own: the near-duplicate check needs to know exactly what is stored.</summary>
public sealed class NearDuplicateUploadTests(EmptyPortalFactory factory) : UploadTestBase(factory), IClassFixture<EmptyPortalFactory>
{
    [Fact]
    public async Task Preview_CorrectsTheTitleBlock_AndFlagsANearDuplicateArticle_CancelStoresNothing()
    {
        var admin = await Factory.AdminClientAsync();
        var text = Encoding.UTF8.GetString(File.ReadAllBytes(TestPaths.Seed("001")));
        // The same speech with a different opening line and one changed sentence: not the same file, nearly the same article.
        var variant = Encoding.UTF8.GetBytes(text.Replace("网络安全和信息化", "网络安全与信息化", StringComparison.Ordinal) + "\n\n（本报记者整理）\n");
        await EnsureStoredAsync(admin, TestPaths.Seed("001"));
        var (_, page) = await UploadAsync(admin, ("variant.txt", variant));
        var url = PreviewUrl(page, "variant.txt");
        var (_, preview) = await HtmlPage.GetAsync(admin, url);
        var original = await DbAsync(db => db.Documents.Where(d => d.FileName.StartsWith("001")).Select(d => d.Id).SingleAsync());
        Assert.Contains(preview.QuerySelectorAll(".duplicate-flag a"), a => a.GetAttribute("href")!.StartsWith($"/documents/{original}#", StringComparison.Ordinal));
        // Same title as the stored speech: the preview says confirming would replace it.
        Assert.Equal($"/documents/{original}", preview.QuerySelector(".replaces a")!.GetAttribute("href"));

        var cancel = await admin.SubmitFormAsync(url, [], url + "?handler=Cancel");
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        Assert.False(await DbAsync(db => db.Documents.AnyAsync(d => d.FileName == "variant.txt")));
    }

}

/// <summary>A portal with a 4 KB upload limit, to refuse a large file without sending 50 MB.</summary>
public sealed class SmallLimitPortalFactory : SecuredPortalFactory
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Portal:SeedDirectory"] = "";
            settings["Import:MaxFileBytes"] = "4096";
            return settings;
        }
    }
}

public sealed class UploadLimitTests(SmallLimitPortalFactory factory) : IClassFixture<SmallLimitPortalFactory>
{
    [Fact]
    public async Task FileOverTheLimit_IsRefused_WithTheLimitInTheMessage()
    {
        var admin = await factory.AdminClientAsync();
        var token = await Accounts.TokenAsync(admin, "/admin/upload");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        form.Add(new ByteArrayContent(File.ReadAllBytes(TestPaths.Seed("000"))), "files", "big.txt");
        var response = await admin.PostAsync(new Uri("/admin/upload", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("上限", page.QuerySelector(".upload-results li.refused .reason")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class UploadTypeTests(EmptyPortalFactory factory) : UploadTestBase(factory), IClassFixture<EmptyPortalFactory>
{
    [Fact]
    public async Task TypeIsJudgedByContent_AWordFileNamedTxt_IsReadAsWord()
    {
        var admin = await Factory.AdminClientAsync();
        var bytes = DocxFixture.FromText(Encoding.UTF8.GetString(File.ReadAllBytes(TestPaths.Seed("003"))));
        var (_, page) = await UploadAsync(admin, ("renamed.txt", bytes));
        var (_, preview) = await HtmlPage.GetAsync(admin, PreviewUrl(page, "renamed.txt"));
        Assert.Equal("Word 文档（.docx）", preview.QuerySelector(".encoding")!.TextContent);
    }
}

/// <summary>The places worth a look: listed first in the preview, linked to their section, counted in the admin's list.</summary>
public sealed class ReviewFlagTests(EmptyPortalFactory factory) : UploadTestBase(factory), IClassFixture<EmptyPortalFactory>
{
    [Fact]
    public async Task Flags_LeadThePreview_PointAtTheirSections_AndFollowTheDocumentIntoTheAdminList()
    {
        var admin = await Factory.AdminClientAsync();
        var path = Path.Combine(CorpusExpectation.Folder, "01-blank-chapters", "headings-after-bodies.txt");
        var name = "review-" + Guid.NewGuid().ToString("N")[..6] + ".txt";
        var (_, page) = await UploadAsync(admin, (name, File.ReadAllBytes(path)));
        var url = PreviewUrl(page, name);
        var (_, preview) = await HtmlPage.GetAsync(admin, url);

        var flags = preview.QuerySelectorAll(".review-flags li a").ToList();
        Assert.Equal(3, flags.Count);
        Assert.All(flags, a => Assert.Contains("与正文分开了", a.TextContent, StringComparison.Ordinal));
        foreach (var anchor in flags.Select(a => a.GetAttribute("href")!))
        {
            var target = preview.QuerySelector(anchor)!;
            Assert.Contains("flagged", target.ClassList);
            Assert.Matches("^[一二三]、", target.QuerySelector(".section-heading")!.TextContent);
        }
        // The review list comes before the form that stores the document.
        Assert.True(preview.QuerySelector(".review-flags")!.CompareDocumentPosition(preview.QuerySelector("form.preview-form")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following));

        var title = ((IHtmlInputElement)preview.QuerySelector("input[name='Form.Title']")!).Value;
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(url, new Dictionary<string, string> { ["Form.Title"] = title }, url + "?handler=Confirm")).StatusCode);
        var (_, list) = await HtmlPage.GetAsync(admin, "/admin/documents");
        var row = list.QuerySelectorAll("tr[data-document]").Single(r => r.QuerySelector("td a")!.TextContent == title);
        Assert.Equal("3 处待核对", row.QuerySelector(".review-count")!.TextContent);
        var keys = await DbAsync(db => db.Sections.Where(s => s.Document!.Title == title && s.Heading.StartsWith("二、")).Select(s => s.Key).ToListAsync());
        Assert.Contains(row.QuerySelectorAll("ul.diagnostics a"), a => a.GetAttribute("href") == "/read/" + Assert.Single(keys));
    }
}

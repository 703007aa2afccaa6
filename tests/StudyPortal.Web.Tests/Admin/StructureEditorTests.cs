using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using StudyPortal.Data.Accounts;
using StudyPortal.Tests;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Admin;

/// <summary>/admin/documents/{id}/edit over HTTP: who may edit, what an edit changes at once, refusals, conflicts, re-import.</summary>
public sealed class StructureEditorTests(EmptyPortalFactory factory) : UploadTestBase(factory), IClassFixture<EmptyPortalFactory>
{
    /// <summary>Uploads and stores a document of its own for one test; returns its id.</summary>
    private async Task<int> StoreAsync(HttpClient admin, string title, string? text = null)
    {
        var name = title + ".md";
        var (_, page) = await UploadAsync(admin, (name, Encoding.UTF8.GetBytes(text ?? EditingFixture.Markdown(title))));
        var url = PreviewUrl(page, name);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(url, new() { ["Form.Title"] = title }, url + "?handler=Confirm")).StatusCode);
        return await DbAsync(db => db.Documents.Where(d => d.Title == title).Select(d => d.Id).SingleAsync());
    }

    private static async Task<JsonNode> TreeAsync(HttpClient client, int id) =>
        JsonNode.Parse(await client.GetStringAsync(new Uri($"/api/documents/{id}", UriKind.Relative)))!;

    private static IEnumerable<JsonNode> Sections(JsonNode tree) => tree["articles"]!.AsArray().SelectMany(a => a!["sections"]!.AsArray())!;

    /// <summary>Posts one edit form from the editor page as the browser would (its token, its revision, its hidden fields).</summary>
    private static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> EditAsync(HttpClient admin, int id, string? section, Func<IHtmlDocument, IHtmlFormElement> pick,
        Dictionary<string, string>? values = null)
    {
        var url = $"/admin/documents/{id}/edit" + (section is null ? "" : $"?section={section}");
        var (_, editor) = await HtmlPage.GetAsync(admin, url);
        var form = pick(editor);
        var fields = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Name is not null && i.Type != "radio").ToDictionary(i => i.Name!, i => i.Value);
        foreach (var area in form.Elements.OfType<IHtmlTextAreaElement>()) fields[area.Name!] = area.Value;
        foreach (var select in form.Elements.OfType<IHtmlSelectElement>()) fields[select.Name!] = select.Value!;
        foreach (var (name, value) in values ?? []) fields[name] = value;
        var response = await admin.PostAsync(Action(form), new FormUrlEncodedContent(fields));
        return (response, Parser.ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>The form's action as written in the page (a path and query on this site).</summary>
    private static Uri Action(IHtmlFormElement form) => new(System.Net.WebUtility.HtmlDecode(form.GetAttribute("action")!), UriKind.Relative);

    private static IHtmlFormElement Form(IHtmlDocument page, string kind, int? paragraph = null) =>
        page.QuerySelectorAll("form").OfType<IHtmlFormElement>().First(f =>
            f.QuerySelector($"input[name='Input.Kind'][value='{kind}']") is not null
            && (paragraph is null || f.QuerySelector($"input[name='Input.Paragraph'][value='{paragraph}']") is not null));

    [Fact]
    public async Task OnlyAdminsEdit()
    {
        var admin = await Factory.AdminClientAsync();
        var id = await StoreAsync(admin, "权限测试资料");
        var url = new Uri($"/admin/documents/{id}/edit", UriKind.Relative);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri("/admin/documents/999999/edit", UriKind.Relative))).StatusCode);
        foreach (var role in new[] { PortalRoles.Reader, PortalRoles.Leader })
        {
            var other = await Factory.SignedInAsync(role);
            var response = await other.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("signin", StringComparison.OrdinalIgnoreCase) != true,
                $"{role}: {(int)response.StatusCode} {response.Headers.Location}");
            var post = await other.PostAsync(new Uri(url + "?handler=Edit", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Kind"] = "Metadata", ["Input.Text"] = "x" }));
            Assert.True(post.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"{role} POST: {(int)post.StatusCode}");
        }
        var anonymous = await Factory.CreateRawClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("signin", anonymous.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("权限测试资料", await DbAsync(db => db.Documents.Where(d => d.Id == id).Select(d => d.Title).SingleAsync()));
    }

    [Fact]
    public async Task AnEdit_ShowsAtOnceInTheReaderSearchQuotationsAndApi_KeepsTheOtherKeys_AndIsAudited()
    {
        var admin = await Factory.AdminClientAsync();
        var id = await StoreAsync(admin, "即时生效测试资料");
        var before = Sections(await TreeAsync(admin, id)).Select(s => (string)s["key"]!).ToList();

        var (split, _) = await EditAsync(admin, id, before[0], page => Form(page, "ParagraphToHeading", 2));
        Assert.Equal(HttpStatusCode.Redirect, split.StatusCode);
        var after = Sections(await TreeAsync(admin, id)).ToList();
        Assert.Equal("第三段，要坚持以人民为中心的发展思想。", (string)after[1]["heading"]!);
        Assert.Equal(before, after.Where((_, i) => i != 1).Select(s => (string)s["key"]!));
        var created = (string)after[1]["key"]!;
        Assert.Contains($"section={created}", split.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var (_, reader) = await HtmlPage.GetAsync(admin, $"/read/{created}");
        Assert.Contains("第三段，要坚持以人民为中心的发展思想。", reader.QuerySelector("h1, h2")!.TextContent, StringComparison.Ordinal);
        var (_, search) = await HtmlPage.GetAsync(admin, "/search?q=" + Uri.EscapeDataString("人民为中心"));
        Assert.Contains(search.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? ""), href => href.Contains(created, StringComparison.Ordinal));

        var (marked, _) = await EditAsync(admin, id, before[2], page => Form(page, "MarkQuotation", 0),
            new() { ["Input.Speaker"] = "习近平", ["Input.Date"] = "2023年3月5日", ["Input.Occasion"] = "参加江苏代表团审议时" });
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        var (_, quotes) = await HtmlPage.GetAsync(admin, "/quotes?q=" + Uri.EscapeDataString("质的有效提升"));
        Assert.Contains("参加江苏代表团审议时", quotes.Body!.TextContent, StringComparison.Ordinal);

        var audit = await DbAsync(db => db.AuditEntries.Where(e => e.Subject == "即时生效测试资料" && e.Action.StartsWith("edit.")).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(["edit.ParagraphToHeading", "edit.MarkQuotation"], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.Equal(PortalFactory.AdminUserName, e.UserName));
        Assert.Contains("→", audit[0].Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInput_GetsAClearMessage_AndChangesNothing()
    {
        var admin = await Factory.AdminClientAsync();
        var id = await StoreAsync(admin, "错误输入测试资料");
        var tree = (await TreeAsync(admin, id)).ToJsonString();
        var first = (string)Sections(await TreeAsync(admin, id)).First()["key"]!;
        (string Kind, int? Paragraph, Dictionary<string, string> Values, string Message)[] cases =
        [
            ("RenameSection", null, new() { ["Input.Text"] = " \u0007 " }, "标题不能为空"),
            ("MarkQuotation", 1, new() { ["Input.Date"] = "2023-02-30" }, "日期无法识别"),
            ("EditParagraph", 0, new() { ["Input.Text"] = "" }, "删除此段"),
            ("SplitArticle", null, new() { ["Input.Section"] = "forged-key" }, "这一节已不存在"),
            ("EditParagraph", 0, new() { ["Input.Expected"] = "别人改过的文字", ["Input.Text"] = "新文字" }, "这一段已不存在或文字已改"),
            ("Metadata", null, new() { ["Input.Text"] = new string('长', 600) }, "标题不能超过 500 字"),
        ];
        foreach (var (kind, paragraph, values, message) in cases)
        {
            var (response, page) = await EditAsync(admin, id, first, p => kind == "SplitArticle" ? Form(p, "RenameSection") : Form(p, kind, paragraph),
                kind == "SplitArticle" ? new(values) { ["Input.Kind"] = "SplitArticle" } : values);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(message, page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        }
        // The first paragraph cannot start a section, nor the first section merge with nothing: the editor offers neither.
        var (_, editor) = await HtmlPage.GetAsync(admin, $"/admin/documents/{id}/edit?section={first}");
        Assert.Null(editor.QuerySelector("input[name='Input.Kind'][value='MergeSection']"));
        Assert.DoesNotContain(editor.QuerySelectorAll("form").OfType<IHtmlFormElement>(), f => f.QuerySelector("input[value='SplitSection']") is not null && f.QuerySelector("input[name='Input.Paragraph'][value='0']") is not null);

        var withoutToken = await admin.PostAsync(new Uri($"/admin/documents/{id}/edit?handler=Edit", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Kind"] = "Metadata", ["Input.Text"] = "没有令牌", ["Input.Revision"] = "1" }));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(tree, (await TreeAsync(admin, id)).ToJsonString());
        Assert.Equal(0, await DbAsync(db => db.DocumentEdits.CountAsync(e => e.DocumentId == id && e.Kind != "Replace")));
    }

    [Fact]
    public async Task AnEditOnAStalePage_IsRefused_ShowingWhatChanged()
    {
        var admin = await Factory.AdminClientAsync();
        var other = await Factory.SignedInAsync(PortalRoles.Admin);
        var id = await StoreAsync(admin, "并发测试资料");
        var first = (string)Sections(await TreeAsync(admin, id)).First()["key"]!;
        var (_, stale) = await HtmlPage.GetAsync(admin, $"/admin/documents/{id}/edit?section={first}");

        var (renamed, _) = await EditAsync(other, id, first, page => Form(page, "RenameSection"), new() { ["Input.Text"] = "一、总的要求" });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);

        var form = Form(stale, "RenameSection");
        var fields = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Name is not null).ToDictionary(i => i.Name!, i => i.Value);
        fields["Input.Text"] = "一、另一个标题";
        var late = await admin.PostAsync(Action(form), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var alert = Parser.ParseDocument(await late.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("一、总体要求", alert, StringComparison.Ordinal);
        Assert.Contains("一、总的要求", alert, StringComparison.Ordinal);
        Assert.Equal("一、总的要求", (string)Sections(await TreeAsync(admin, id)).First()["heading"]!);
    }

    [Fact]
    public async Task ReimportingACorrectedDocument_AsksWhetherToKeepTheCorrections()
    {
        var admin = await Factory.AdminClientAsync();
        var id = await StoreAsync(admin, "重新导入测试资料");
        var tasks = (string)Sections(await TreeAsync(admin, id)).ElementAt(1)["key"]!;
        await EditAsync(admin, id, tasks, page => Form(page, "RenameSection"), new() { ["Input.Text"] = "二、重点任务" });

        var (_, list) = await HtmlPage.GetAsync(admin, "/admin/documents");
        var row = list.QuerySelector($"tr[data-document='{id}']")!;
        var keep = row.QuerySelectorAll("form").OfType<IHtmlFormElement>().Single(f => f.GetAttribute("action")!.Contains("keep=true", StringComparison.Ordinal));
        Assert.Contains(row.QuerySelectorAll("form").OfType<IHtmlFormElement>(), f => f.GetAttribute("action")!.Contains("keep=false", StringComparison.Ordinal));
        var reimported = await admin.SubmitFormAsync("/admin/documents", [], Action(keep).OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, reimported.StatusCode);
        Assert.Equal("二、重点任务", (string)Sections(await TreeAsync(admin, id)).ElementAt(1)["heading"]!);

        var replace = list.QuerySelector($"tr[data-document='{id}']")!.QuerySelectorAll("form").OfType<IHtmlFormElement>().Single(f => f.GetAttribute("action")!.Contains("keep=false", StringComparison.Ordinal));
        await admin.SubmitFormAsync("/admin/documents", [], Action(replace).OriginalString);
        Assert.Equal("二、主要任务", (string)Sections(await TreeAsync(admin, id)).ElementAt(1)["heading"]!);
        Assert.Equal(tasks, (string)Sections(await TreeAsync(admin, id)).ElementAt(1)["key"]!);
    }

    [Fact]
    public async Task ThePreviewsReviewFlags_StoreAndOpenTheEditorAtTheirSection()
    {
        var admin = await Factory.AdminClientAsync();
        var name = "unmatched-heading.txt";
        var (_, upload) = await UploadAsync(admin, (name, File.ReadAllBytes(Path.Combine(CorpusExpectation.Folder, "01-blank-chapters", name))));
        var url = PreviewUrl(upload, name);
        var (_, preview) = await HtmlPage.GetAsync(admin, url);
        var flag = preview.QuerySelector(".review-flags button.correct-flag")!;
        var action = flag.GetAttribute("formaction")!;
        Assert.Contains("correctAt=", action, StringComparison.Ordinal);

        var title = ((IHtmlInputElement)preview.QuerySelector("input[name='Form.Title']")!).Value;
        var stored = await admin.SubmitFormAsync(url, new() { ["Form.Title"] = title }, action);

        Assert.Equal(HttpStatusCode.Redirect, stored.StatusCode);
        var location = stored.Headers.Location!.OriginalString;
        Assert.Matches(@"^/admin/documents/\d+/edit\?at=\d+$", location);
        var (_, editor) = await HtmlPage.GetAsync(admin, location);
        Assert.NotNull(editor.QuerySelector(".editor-outline a[aria-current=page]"));
    }
}

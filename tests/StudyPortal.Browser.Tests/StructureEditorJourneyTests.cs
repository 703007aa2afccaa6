using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StudyPortal.Data;
using StudyPortal.Data.Accounts;
using StudyPortal.Data.Groups;
using StudyPortal.Data.Importing;
using StudyPortal.Tests;
using StudyPortal.Web.Tests.Infrastructure;
using static StudyPortal.Browser.Tests.BrowserPortal;

namespace StudyPortal.Browser.Tests;

/// <summary>
/// An admin corrects a stored document in the structure editor, every operation driven in the browser at a desktop
/// and a tablet width, without a page reload per edit; a member's reading progress and assignment survive, the
/// reader, search and quotations follow at once, each step is audited and the last one can be undone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StructureEditorJourneyTests(BrowserPortal portal)
{
    private sealed record Fixture(int DocumentId, List<string> Keys, string MemberName, int AssignmentId);

    /// <summary>Stores the document and gives a member progress on, and an assignment of, its second section.</summary>
    private async Task<Fixture> ArrangeAsync(string title)
    {
        using var scope = portal.Portal.Services.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<DocumentImporter>();
        var stored = await importer.ImportBytesAsync(Encoding.UTF8.GetBytes(EditingFixture.Markdown(title, withNoise: true)), title + ".md", "admin");
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var id = stored.Outcome!.DocumentId;
        var keys = await db.Sections.Where(s => s.DocumentId == id).OrderBy(s => s.Position).Select(s => s.Key).ToListAsync();

        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var member = new PortalUser { UserName = "m" + Guid.NewGuid().ToString("N")[..8], DisplayName = "李华", CreatedAtUtc = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(member, "Study-pass-2026")).Succeeded);
        await users.AddToRoleAsync(member, PortalRoles.Reader);
        var now = DateTime.UtcNow;
        db.ReadingProgress.Add(new ReadingProgress { UserId = member.Id, SectionKey = keys[1], OpenedAtUtc = now, LastReadAtUtc = now, CompletedAtUtc = now, LastParagraph = 1 });
        var group = new StudyGroup { Name = "编辑测试支部" + title.Length, CreatedAtUtc = now, Members = [new GroupMember { UserId = member.Id, AddedAtUtc = now }] };
        var assignment = new Assignment
        {
            Title = "学习主要任务", DueDate = DateOnly.FromDateTime(now.AddDays(7)), CreatedById = member.Id, CreatedAtUtc = now,
            Sections = [new AssignmentSection { SectionKey = keys[1], Position = 0, DocumentTitle = title, ArticleTitle = "第一篇 改革开放", Heading = "二、主要任务" }],
        };
        group.Assignments.Add(assignment);
        db.StudyGroups.Add(group);
        await db.SaveChangesAsync();
        return new Fixture(id, keys, member.UserName!, assignment.Id);
    }


    /// <summary>Waits for the background post to finish and checks the saved message, and that the page was not reloaded.</summary>
    private static async Task SavedAsync(IPage page, string what)
    {
        await Assertions.Expect(page.Locator("main .flash")).ToHaveTextAsync("已保存：" + what);
        await Assertions.Expect(page.Locator("main[aria-busy]")).ToHaveCountAsync(0);
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.__editorSession || 0"));
    }

    private static ILocator Paragraph(IPage page, string text) => page.Locator(".editor-paragraph").Filter(new() { HasText = text });

    private static async Task<ILocator> OpenParagraphAsync(IPage page, string text)
    {
        var paragraph = Paragraph(page, text);
        await paragraph.Locator("summary").ClickAsync();
        return paragraph;
    }

    /// <summary>Going to another section is an ordinary link; the edits after it again run without a reload.</summary>
    private static async Task OpenSectionAsync(IPage page, string heading)
    {
        await page.Locator(".editor-outline li li a").Filter(new() { HasTextString = heading }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#current-heading")).ToHaveTextAsync(heading);
        await page.EvaluateAsync("() => { window.__editorSession = 1; }");
    }

    private async Task<JsonNode> TreeAsync(IPage page, int id) =>
        JsonNode.Parse(await page.EvaluateAsync<string>($"() => fetch('/api/documents/{id}').then(r => r.text())"))!;

    private static List<JsonNode> Sections(JsonNode tree) => tree["articles"]!.AsArray().SelectMany(a => a!["sections"]!.AsArray()).ToList()!;

    [Theory]
    [InlineData(1280, 900, "desktop")]
    [InlineData(820, 1180, "tablet")]
    [InlineData(390, 844, "phone")]
    public async Task EveryOperation_InTheBrowser_KeepsProgressAndAssignments_FollowsEverywhere_AndUndoes(int width, int height, string name)
    {
        var title = $"结构编辑演示资料（{name}）";
        var fixture = await ArrangeAsync(title);
        var page = await portal.NewPageAsync(width, height);
        await SignInAsync(page, PortalFactory.AdminUserName, PortalFactory.AdminPassword);

        // From 资料管理 to the editor.
        await page.GotoAsync("/admin/documents");
        await page.Locator($"tr[data-document='{fixture.DocumentId}'] a.correct-link").ClickAsync();
        await page.WaitForURLAsync($"**/admin/documents/{fixture.DocumentId}/edit");
        await page.EvaluateAsync("() => { window.__editorSession = 1; }");
        await BrowserPortal.ScreenshotAsync(page, $"editor-{name}");

        // Document details.
        await page.Locator(".metadata-panel summary").ClickAsync();
        await page.Locator(".metadata-form input[name='Input.Series']").FillAsync("理论学习丛书");
        await page.Locator(".metadata-form input[name='Input.Date']").FillAsync("2024年3月5日");
        await page.Locator(".metadata-form button").ClickAsync();
        await SavedAsync(page, "修改资料信息");

        // Rename a section; a heading cannot be emptied (the message says why, nothing changes).
        var rename = page.Locator(".section-actions form").Filter(new() { Has = page.Locator("input[value=RenameSection]") });
        await rename.Locator("input[name='Input.Text']").FillAsync("一、总的要求");
        await rename.Locator("button").ClickAsync();
        await SavedAsync(page, "修改章节标题");
        await Assertions.Expect(page.Locator("#current-heading")).ToHaveTextAsync("一、总的要求");
        await page.EvaluateAsync("() => document.querySelector('.section-actions input[name=\"Input.Text\"]').removeAttribute('required')");
        await rename.Locator("input[name='Input.Text']").FillAsync("   ");
        await rename.Locator("button").ClickAsync();
        await Assertions.Expect(page.Locator("[role=alert]")).ToContainTextAsync("标题不能为空");
        await Assertions.Expect(page.Locator("#current-heading")).ToHaveTextAsync("一、总的要求");

        // Edit a paragraph's text; delete a noise paragraph and restore it; delete it again.
        var second = await OpenParagraphAsync(page, "第二段");
        await second.Locator("textarea").FillAsync("第二段，继续阐述要求，扎实推进各项工作。");
        await second.Locator("button", new() { HasTextString = "保存文字" }).ClickAsync();
        await SavedAsync(page, "修改段落文字");
        var noise = await OpenParagraphAsync(page, "页眉噪声");
        await noise.Locator("button", new() { HasTextString = "删除此段" }).ClickAsync();
        await SavedAsync(page, "删除段落");
        await Assertions.Expect(Paragraph(page, "页眉噪声")).ToHaveCountAsync(0);
        await page.Locator(".editor-deleted button", new() { HasTextString = "恢复" }).ClickAsync();
        await SavedAsync(page, "恢复段落");
        await Assertions.Expect(Paragraph(page, "页眉噪声")).ToHaveCountAsync(1);
        await (await OpenParagraphAsync(page, "页眉噪声")).Locator("button", new() { HasTextString = "删除此段" }).ClickAsync();
        await SavedAsync(page, "删除段落");

        // A paragraph becomes a heading (the editor moves to the new section), and back.
        await (await OpenParagraphAsync(page, "第三段")).Locator("button", new() { HasTextString = "设为标题" }).ClickAsync();
        await SavedAsync(page, "段落改为标题");
        await Assertions.Expect(page.Locator("#current-heading")).ToHaveTextAsync("第三段，要坚持以人民为中心的发展思想。");
        await page.Locator(".section-actions button", new() { HasTextString = "标题改为正文" }).ClickAsync();
        await SavedAsync(page, "标题改为正文");
        await Assertions.Expect(page.Locator("#current-heading")).ToHaveTextAsync("一、总的要求");

        // Split at a paragraph under a typed heading, then merge the new section back.
        var split = (await OpenParagraphAsync(page, "第三段")).Locator("form").Filter(new() { Has = page.Locator("input[value=SplitSection]") });
        await split.Locator("input[name='Input.Text']").FillAsync("（二）以人民为中心");
        await split.Locator("button").ClickAsync();
        await SavedAsync(page, "拆分章节");
        await Assertions.Expect(page.Locator("#current-heading")).ToHaveTextAsync("（二）以人民为中心");
        await page.Locator(".section-actions button", new() { HasTextString = "并入上一节" }).ClickAsync();
        await SavedAsync(page, "合并章节");

        // Quotations: mark with an attribution (a bad date is refused), edit it.
        await OpenSectionAsync(page, "三、发展目标");
        var mark = (await OpenParagraphAsync(page, "发展段落")).Locator("form.quotation-form");
        await mark.Locator("input[name='Input.Speaker']").FillAsync("习近平");
        await mark.Locator("input[name='Input.Date']").FillAsync("2023年2月30日");
        await mark.Locator("button").ClickAsync();
        await Assertions.Expect(page.Locator("[role=alert]")).ToContainTextAsync("日期无法识别");
        mark = (await OpenParagraphAsync(page, "发展段落")).Locator("form.quotation-form");
        await mark.Locator("input[name='Input.Speaker']").FillAsync("习近平");
        await mark.Locator("input[name='Input.Date']").FillAsync("2023年3月5日");
        await mark.Locator("input[name='Input.Occasion']").FillAsync("在参加江苏代表团审议时");
        await mark.Locator("button").ClickAsync();
        await SavedAsync(page, "标为金句");
        await Assertions.Expect(Paragraph(page, "发展段落").Locator(".quotation-mark")).ToContainTextAsync("习近平");
        var attribution = (await OpenParagraphAsync(page, "发展段落")).Locator("form.quotation-form");
        await attribution.Locator("input[name='Input.Occasion']").FillAsync("参加十四届全国人大一次会议江苏代表团审议时");
        await attribution.Locator("button").ClickAsync();
        await SavedAsync(page, "修改金句出处");
        await (await OpenParagraphAsync(page, "发展段落")).Locator("button", new() { HasTextString = "取消金句" }).ClickAsync();
        await SavedAsync(page, "取消金句");
        await Assertions.Expect(Paragraph(page, "发展段落").Locator(".quotation-mark")).ToHaveCountAsync(0);
        await page.Locator(".undo-button").ClickAsync();
        await SavedAsync(page, "撤销");
        await Assertions.Expect(Paragraph(page, "发展段落").Locator(".quotation-mark")).ToContainTextAsync("十四届全国人大");

        // Articles: move the section into the first article (the emptied second one goes), split it off again, rename it,
        // merge it back, and undo the merge.
        await page.Locator(".section-actions select[name='Input.TargetArticle']").SelectOptionAsync(new SelectOptionValue { Label = "第一篇 改革开放" });
        await page.Locator(".section-actions button", new() { HasTextString = "移动" }).ClickAsync();
        await SavedAsync(page, "移动章节");
        Assert.Equal(1, await page.Locator(".outline-article").CountAsync());
        var newArticle = page.Locator(".section-actions form").Filter(new() { Has = page.Locator("input[value=SplitArticle]") });
        await newArticle.Locator("input[name='Input.Text']").FillAsync("第二篇 高质量发展");
        await newArticle.Locator("button").ClickAsync();
        await SavedAsync(page, "拆分文章");
        Assert.Equal(2, await page.Locator(".outline-article").CountAsync());
        var secondArticle = page.Locator(".outline-article").Nth(1);
        await secondArticle.Locator("summary").ClickAsync();
        await secondArticle.Locator("input[name='Input.Text']").FillAsync("第二篇 推动高质量发展");
        await secondArticle.Locator("button", new() { HasTextString = "改名" }).ClickAsync();
        await SavedAsync(page, "修改文章标题");
        await page.Locator(".outline-article").Nth(1).Locator("summary").ClickAsync();
        await page.Locator(".outline-article").Nth(1).Locator("button", new() { HasTextString = "并入上一篇文章" }).ClickAsync();
        await SavedAsync(page, "合并文章");
        Assert.Equal(1, await page.Locator(".outline-article").CountAsync());
        await page.Locator(".undo-button").ClickAsync();
        await SavedAsync(page, "撤销");
        Assert.Equal(2, await page.Locator(".outline-article").CountAsync());
        await Assertions.Expect(page.Locator(".editor-history li").First).ToContainTextAsync("撤销");
        await BrowserPortal.ScreenshotAsync(page, $"editor-after-{name}");
        await OpenSectionAsync(page, "一、总的要求");
        await (await OpenParagraphAsync(page, "第二段")).ScrollIntoViewIfNeededAsync();
        await BrowserPortal.ScreenshotAsync(page, $"editor-paragraph-{name}");

        // What readers see: the API, the reader, search, quotations; untouched keys kept.
        var sections = Sections(await TreeAsync(page, fixture.DocumentId));
        Assert.Equal(["一、总的要求", "二、主要任务", "三、发展目标"], sections.Select(s => (string)s["heading"]!));
        Assert.Equal(fixture.Keys, sections.Select(s => (string)s["key"]!));
        Assert.Equal(["第一篇 改革开放", "第二篇 推动高质量发展"], (await TreeAsync(page, fixture.DocumentId))["articles"]!.AsArray().Select(a => (string)a!["title"]!));
        await page.GotoAsync($"/read/{fixture.Keys[0]}");
        await Assertions.Expect(page.Locator("article.chapter")).ToContainTextAsync("扎实推进各项工作");
        await Assertions.Expect(page.Locator("article.chapter")).Not.ToContainTextAsync("页眉噪声");
        await page.GotoAsync("/search?q=" + Uri.EscapeDataString("扎实推进"));
        await Assertions.Expect(page.Locator($"a[href*='{fixture.Keys[0]}']").First).ToBeVisibleAsync();
        await page.GotoAsync("/quotes?q=" + Uri.EscapeDataString("质的有效提升"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("十四届全国人大一次会议江苏代表团审议时");

        using (var scope = portal.Portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var audit = await db.AuditEntries.Where(e => e.Subject == title && e.Action.StartsWith("edit.")).Select(e => e.Action).ToListAsync();
            Assert.Contains("edit.RenameSection", audit);
            Assert.Contains("edit.Undo", audit);
            Assert.True(audit.Count == 19, string.Join(", ", audit));
        }

        // The member: progress and the assignment still find the section, under its new place.
        var member = await portal.NewPageAsync(width, height);
        await SignInAsync(member, fixture.MemberName, "Study-pass-2026");
        await member.GotoAsync($"/study/{fixture.AssignmentId}");
        var assigned = member.Locator($"li[data-section-key='{fixture.Keys[1]}']");
        await Assertions.Expect(assigned.Locator(".state")).ToHaveTextAsync("已读");
        await assigned.Locator("a").First.ClickAsync();
        await Assertions.Expect(member.Locator("h1, h2").Filter(new() { HasTextString = "二、主要任务" }).First).ToBeVisibleAsync();
    }
}

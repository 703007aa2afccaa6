using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StudyPortal.Data;
using StudyPortal.Data.Accounts;
using StudyPortal.Data.Groups;
using static StudyPortal.Browser.Tests.BrowserPortal;

namespace StudyPortal.Browser.Tests;

/// <summary>
/// Highlights in a browser: a member selects a passage with the mouse on a desktop, highlights it, writes a note and
/// shares it with the group; another member of the group sees the marked passage and the note on a phone; a member of
/// another group sees neither.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HighlightJourneyTests(BrowserPortal portal)
{
    private const string Passage = "深刻改变了人们的生产和生活方式";

    private async Task<(string UserName, string Id)> CreateUserAsync(string displayName)
    {
        using var scope = portal.Portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = "h" + Guid.NewGuid().ToString("N")[..8], DisplayName = displayName, CreatedAtUtc = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, "Study-pass-2026")).Succeeded);
        await users.AddToRoleAsync(user, PortalRoles.Reader);
        return (user.UserName!, user.Id);
    }

    private async Task GroupAsync(string name, params string[] userIds)
    {
        using var scope = portal.Portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var group = new StudyGroup { Name = name, CreatedAtUtc = DateTime.UtcNow };
        group.Members.AddRange(userIds.Select(id => new GroupMember { UserId = id }));
        db.StudyGroups.Add(group);
        await db.SaveChangesAsync();
    }

    private async Task<string> ChapterUrlAsync()
    {
        using var scope = portal.Portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var key = await db.Paragraphs.Where(p => p.Text.Contains(Passage)).Select(p => p.Section!.Key).FirstAsync();
        return "/read/" + key;
    }


    /// <summary>A script function: the DOM range of a passage in the paragraph that holds it (scrolled into view).</summary>
    private const string RangeOf = """
        passage => {
          const el = [...document.querySelectorAll('[data-paragraph]')].find(e => e.textContent.includes(passage));
          el.scrollIntoView({ block: 'center' });
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          let n, at = 0; const start = el.textContent.indexOf(passage), end = start + passage.length; const r = document.createRange();
          while ((n = walker.nextNode())) {
            const len = n.nodeValue.length;
            if (start >= at && start < at + len) r.setStart(n, start - at);
            if (end > at && end <= at + len) { r.setEnd(n, end - at); break; }
            at += len;
          }
          return r;
        }
        """;

    /// <summary>Drags the mouse across the passage, as a reader selects it.</summary>
    private static async Task SelectWithMouseAsync(IPage page, string passage)
    {
        var box = await page.EvaluateAsync<double[]>("passage => { const rects = (" + RangeOf + ")(passage).getClientRects(); const first = rects[0], last = rects[rects.length - 1];"
            + " return [first.left + 1, first.top + first.height / 2, last.right - 1, last.top + last.height / 2]; }", passage);
        await page.Mouse.MoveAsync((float)box[0], (float)box[1]);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((float)box[2], (float)box[3], new() { Steps = 8 });
        await page.Mouse.UpAsync();
    }

    [Fact]
    public async Task AMemberHighlightsNotesAndShares_AnotherMemberSeesIt_AMemberOfAnotherGroupDoesNot()
    {
        var author = await CreateUserAsync("陈静");
        var colleague = await CreateUserAsync("刘洋");
        var outsider = await CreateUserAsync("赵敏");
        await GroupAsync("宣传部党支部", author.Id, colleague.Id);
        await GroupAsync("财务处党支部", outsider.Id);
        var chapter = await ChapterUrlAsync();

        var page = await portal.NewPageAsync();
        await SignInAsync(page, author.UserName);
        await page.GotoAsync(chapter);
        await SelectWithMouseAsync(page, Passage);
        var toolbar = page.Locator("#highlight-toolbar");
        await Assertions.Expect(toolbar).ToBeVisibleAsync();
        await BrowserPortal.ScreenshotAsync(page, "highlight-toolbar-desktop");

        // Share with the group: the passage is marked, and the note sheet opens with the group chosen.
        await toolbar.GetByRole(AriaRole.Button, new() { Name = "分享到小组" }).ClickAsync();
        var sheet = page.Locator("#highlight-note");
        await Assertions.Expect(sheet).ToBeVisibleAsync();
        await Assertions.Expect(sheet.Locator("#highlight-note-group")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^[0-9]+$"));
        Assert.Equal("宣传部党支部", await sheet.Locator("#highlight-note-group option:checked").InnerTextAsync());
        await sheet.Locator("textarea").FillAsync("这一句说明了互联网对生产方式的改变，小组讨论时重点谈。");
        await sheet.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(sheet).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("mark.hl-mine")).ToHaveTextAsync(Passage);
        await Assertions.Expect(page.Locator(".hl-note")).ToContainTextAsync("小组讨论时重点谈");
        await BrowserPortal.ScreenshotAsync(page, "highlight-note-desktop");

        // A private highlight in another colour, which no one else sees.
        await SelectWithMouseAsync(page, "受到的影响越来越深");
        await toolbar.GetByRole(AriaRole.Button, new() { Name = "绿色标注" }).ClickAsync();
        await Assertions.Expect(page.Locator("mark.hl-mine.hl-green")).ToHaveTextAsync("受到的影响越来越深");

        // Survives reloading, a larger font and night mode.
        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "放大字号" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "夜间模式" }).ClickAsync();
        await Assertions.Expect(page.Locator("mark.hl-mine")).ToHaveCountAsync(2);
        await BrowserPortal.ScreenshotAsync(page, "highlight-desktop-dark");

        // 我的笔记 lists both, newest first, each linking back to its place.
        await page.GetByRole(AriaRole.Link, new() { Name = "我的笔记", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".note-item blockquote")).ToHaveTextAsync(["受到的影响越来越深", Passage]);
        await BrowserPortal.ScreenshotAsync(page, "notes-desktop-dark");
        await page.Locator(".note-item .meta a").Nth(1).ClickAsync();
        await Assertions.Expect(page.Locator("mark.hl-mine").First).ToBeVisibleAsync();

        // The colleague, on a phone: the group's passage (one member marked it) and the shared note, not the private one.
        var phone = await portal.NewPageAsync(390, 844);
        await SignInAsync(phone, colleague.UserName);
        await phone.GotoAsync(chapter);
        var shared = phone.Locator("mark.hl-group");
        await Assertions.Expect(shared).ToHaveTextAsync(Passage);
        Assert.Equal("1", await shared.GetAttributeAsync("data-count"));
        await Assertions.Expect(phone.Locator(".hl-note-group")).ToContainTextAsync("小组讨论时重点谈");
        Assert.Equal(0, await phone.Locator("mark.hl", new() { HasText = "受到的影响越来越深" }).CountAsync());
        Assert.DoesNotContain("陈静", await phone.Locator("article.chapter").InnerTextAsync(), StringComparison.Ordinal);
        await phone.Locator(".hl-note-group").ScrollIntoViewIfNeededAsync();
        await BrowserPortal.ScreenshotAsync(phone, "highlight-group-phone");

        // The colleague highlights the same passage on the phone (selection made by script: touch selection is the
        // platform's); the note sheet is a bottom sheet.
        await phone.EvaluateAsync("passage => { const r = (" + RangeOf + ")(passage); getSelection().removeAllRanges(); getSelection().addRange(r); }", Passage);
        await phone.Locator("#highlight-toolbar").GetByRole(AriaRole.Button, new() { Name = "写笔记" }).ClickAsync();
        var phoneSheet = phone.Locator("#highlight-note");
        await Assertions.Expect(phoneSheet).ToBeVisibleAsync();
        var sheetBox = (await phoneSheet.BoundingBoxAsync())!;
        Assert.True(sheetBox.Y + sheetBox.Height >= 843 && sheetBox.Width >= 389, $"bottom sheet at {sheetBox.Y}+{sheetBox.Height}, width {sheetBox.Width}");
        await BrowserPortal.ScreenshotAsync(phone, "highlight-sheet-phone");
        await phoneSheet.Locator("textarea").FillAsync("我也标注了这一句。");
        await phoneSheet.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(phoneSheet).ToBeHiddenAsync();
        await phone.GotoAsync("/notes");
        await Assertions.Expect(phone.Locator(".note-item .note-text")).ToHaveTextAsync("我也标注了这一句。");
        await BrowserPortal.ScreenshotAsync(phone, "notes-phone");

        // A member of another group sees none of it.
        var outsiderPage = await portal.NewPageAsync();
        await SignInAsync(outsiderPage, outsider.UserName);
        await outsiderPage.GotoAsync(chapter);
        await outsiderPage.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(0, await outsiderPage.Locator("mark.hl, .hl-note").CountAsync());
    }

    [Fact]
    public async Task ALeaderPinsANoteToTheAssignment_AMemberReadingItSeesIt_OnAPhone()
    {
        var leader = await CreateUserAsync("王书记");
        var member = await CreateUserAsync("孙丽");
        var chapter = await ChapterUrlAsync();
        using (var scope = portal.Portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var group = new StudyGroup { Name = "办公室党支部", CreatedAtUtc = DateTime.UtcNow };
            group.Members.Add(new GroupMember { UserId = leader.Id, IsLeader = true });
            group.Members.Add(new GroupMember { UserId = member.Id });
            var assignment = new Assignment { Title = "第三周：网络强国", DueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)), CreatedById = leader.Id, CreatedAtUtc = DateTime.UtcNow };
            assignment.Sections.Add(new AssignmentSection { SectionKey = chapter["/read/".Length..], Position = 0, DocumentTitle = "文", ArticleTitle = "篇", Heading = "节" });
            group.Assignments.Add(assignment);
            db.StudyGroups.Add(group);
            await db.SaveChangesAsync();
        }

        var page = await portal.NewPageAsync();
        await SignInAsync(page, leader.UserName);
        await page.GotoAsync(chapter);
        // The section is in the leader's assignment: its band comes in after load and moves the text down; select after it.
        await Assertions.Expect(page.Locator("#assignment-bar")).ToBeVisibleAsync();
        await SelectWithMouseAsync(page, "受到的影响越来越深");
        await page.Locator("#highlight-toolbar").GetByRole(AriaRole.Button, new() { Name = "写笔记" }).ClickAsync();
        var sheet = page.Locator("#highlight-note");
        await Assertions.Expect(sheet.Locator(".hl-pin")).ToBeVisibleAsync();
        await sheet.Locator("textarea").FillAsync("本周学习重点：结合本单位实际谈体会。");
        await sheet.GetByLabel("置顶到学习任务（组员阅读该任务时可见）").SelectOptionAsync(new SelectOptionValue { Label = "第三周：网络强国 · 办公室党支部" });
        Assert.Equal("办公室党支部", await sheet.Locator("#highlight-note-group option:checked").InnerTextAsync());
        await BrowserPortal.ScreenshotAsync(page, "highlight-pin-sheet-desktop");
        await sheet.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(sheet).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("aside.hl-pins")).ToContainTextAsync("结合本单位实际谈体会");

        var phone = await portal.NewPageAsync(390, 844);
        await SignInAsync(phone, member.UserName);
        await phone.GotoAsync(chapter);
        var pins = phone.Locator("aside.hl-pins");
        await Assertions.Expect(pins).ToContainTextAsync("组长置顶 · 第三周：网络强国");
        await Assertions.Expect(pins).ToContainTextAsync("结合本单位实际谈体会");
        await Assertions.Expect(phone.Locator(".hl-note-pinned")).ToContainTextAsync("结合本单位实际谈体会");
        await BrowserPortal.ScreenshotAsync(phone, "highlight-pin-phone");
        // The note links to its passage.
        await pins.Locator("a").ClickAsync();
        Assert.Matches("#p-[0-9]+$", phone.Url);
    }
}

using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StudyPortal.Data;
using StudyPortal.Data.Accounts;
using StudyPortal.Data.Groups;
using StudyPortal.Data.Highlights;
using StudyPortal.Web.Tests.Infrastructure;
using static StudyPortal.Browser.Tests.BrowserPortal;

namespace StudyPortal.Browser.Tests;

/// <summary>The portal with "read means read" on (a tenth of a section's reading time, so a short section takes a few seconds).</summary>
public sealed class StudyLoopPortalFactory : PortalFactory
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Reading:MinimumReadFraction"] = "0.1";
            return settings;
        }
    }
}

public sealed class StudyLoopBrowserPortal : BrowserPortal
{
    public StudyLoopBrowserPortal() : base(new StudyLoopPortalFactory())
    {
    }
}

/// <summary>
/// The study loop closed, in a browser: the leader sets a minimum length and a marked passage; a member reads in
/// assignment mode on a phone, is refused a too-fast "read", marks a passage and checks in; the leader gets the
/// digest, sees the near-copy mark, comments, and exports the 学习台账 as Word, which LibreOffice renders.
/// </summary>
[Collection(BrowserCollection.Name)]   // one browser test at a time on this machine's two cores
public sealed class StudyLoopJourneyTests(StudyLoopBrowserPortal portal) : IClassFixture<StudyLoopBrowserPortal>
{
    private const string Password = "Study-pass-2026";
    private const string Reflection = "学习了关于网络强国的重要论述，我认识到必须坚持以人民为中心的发展思想，让互联网发展成果更多更公平惠及全体人民。";

    private async Task<PortalUser> UserAsync(string displayName, string role)
    {
        using var scope = portal.Portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = "loop" + Guid.NewGuid().ToString("N")[..8], DisplayName = displayName, CreatedAtUtc = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRoleAsync(user, role);
        return user;
    }


    [Fact]
    public async Task LeaderSetsRules_MemberReadsInAssignmentMode_IsRefusedATooFastRead_MarksAndChecksIn_LeaderGetsDigestNearCopyAndTheWordLedger()
    {
        var leaderUser = await UserAsync("周书记", PortalRoles.Leader);
        var memberUser = await UserAsync("吴敏", PortalRoles.Reader);
        var copierUser = await UserAsync("郑强", PortalRoles.Reader);
        int groupId, documentId;
        List<string> keys;
        using (var scope = portal.Portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var group = new StudyGroup { Name = "办公室第二党支部", CreatedAtUtc = DateTime.UtcNow };
            group.Members.AddRange([new GroupMember { UserId = leaderUser.Id, IsLeader = true }, new GroupMember { UserId = memberUser.Id }, new GroupMember { UserId = copierUser.Id }]);
            db.StudyGroups.Add(group);
            await db.SaveChangesAsync();
            groupId = group.Id;
            documentId = await db.Documents.Where(d => d.Title == "习近平关于建设网络强国的讲话").Select(d => d.Id).SingleAsync();
            keys = await db.Sections.Where(s => s.DocumentId == documentId && (s.Heading == "把握时代大势" || s.Heading == "以人民为中心")).OrderBy(s => s.Position).Select(s => s.Key).ToListAsync();
        }

        // The leader assigns two sections and asks for at least 30 characters and one marked passage.
        var leader = await portal.NewPageAsync();
        await SignInAsync(leader, leaderUser.UserName!);
        await leader.GotoAsync($"/leader/groups/{groupId}/assign?document={documentId}");
        foreach (var key in keys) await leader.Locator($"input[name=SectionKeys][value='{key}']").CheckAsync();
        await leader.Locator("input[name=Title]").FillAsync("第一周：网络强国讲话");
        await leader.Locator("input[name=MinimumReflectionLength]").FillAsync("30");
        await leader.Locator("input[name=RequiredPassages]").FillAsync("1");
        await BrowserPortal.ScreenshotAsync(leader, "loop-assign-rules-desktop");
        await leader.GetByRole(AriaRole.Button, new() { Name = "布置任务" }).ClickAsync();
        await leader.WaitForURLAsync(url => url.Contains("/progress", StringComparison.Ordinal));
        var assignmentId = await DbAsync(db => db.Assignments.Where(a => a.GroupId == groupId).Select(a => a.Id).SingleAsync());

        // The member, on a phone: each section opens in assignment mode; reaching the end at once is not "read".
        var member = await portal.NewPageAsync(390, 844);
        await SignInAsync(member, memberUser.UserName!);
        await member.GotoAsync($"/study/{assignmentId}");
        await Assertions.Expect(member.Locator(".check-in-rules")).ToContainTextAsync("心得不少于 30 字");
        await member.Locator(".assigned-sections li a").First.ClickAsync();
        await Assertions.Expect(member.Locator("#assignment-bar")).ToContainTextAsync("第 1/2 节");
        var status = member.Locator("#reading-status");
        await member.Locator(".chapter-nav").ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(status).ToContainTextAsync("再阅读约");
        await BrowserPortal.ScreenshotAsync(member, "loop-too-fast-phone");
        Assert.Null(await DbAsync(db => db.ReadingProgress.Where(p => p.UserId == memberUser.Id && p.SectionKey == keys[0]).Select(p => p.CompletedAtUtc).SingleAsync()));
        // Staying on the page, the script asks again when the time is up, and the section is read.
        await Assertions.Expect(status).ToBeHiddenAsync(new() { Timeout = 20_000 });
        Assert.NotNull(await DbAsync(db => db.ReadingProgress.Where(p => p.UserId == memberUser.Id && p.SectionKey == keys[0]).Select(p => p.CompletedAtUtc).SingleAsync()));

        // A passage marked (touch selection is the platform's; the selection is made by script).
        await member.EvaluateAsync("""
            () => {
              const walker = document.createTreeWalker(document.querySelector('article.chapter [data-paragraph]'), NodeFilter.SHOW_TEXT);
              let t;
              while ((t = walker.nextNode()) && t.nodeValue.trim().length < 10) { }
              const at = t.nodeValue.search(/\S/), r = document.createRange();
              r.setStart(t, at); r.setEnd(t, at + 8);
              getSelection().removeAllRanges(); getSelection().addRange(r);
            }
            """);
        await member.Locator("#highlight-toolbar").GetByRole(AriaRole.Button, new() { Name = "黄色标注" }).ClickAsync();
        await Assertions.Expect(member.Locator("mark.hl-mine")).ToHaveCountAsync(1);

        await member.Locator(".chapter-nav a.next").ClickAsync();
        await Assertions.Expect(member.Locator("#assignment-bar")).ToContainTextAsync("第 2/2 节");
        await Assertions.Expect(member.Locator(".chapter-nav a.check-in")).ToContainTextAsync("去打卡");
        await member.Locator(".chapter-nav").ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(status).ToContainTextAsync("再阅读约");
        await Assertions.Expect(status).ToBeHiddenAsync(new() { Timeout = 20_000 });
        await member.Locator(".chapter-nav a.check-in").ClickAsync();
        await member.WaitForURLAsync(url => url.Contains($"/study/{assignmentId}", StringComparison.Ordinal));

        // Too short first; then long enough, with the marked passage attached.
        await member.Locator("textarea[name=reflection]").FillAsync("学习了，有收获。");
        await member.Locator("input[name=passages]").CheckAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "打卡", Exact = true }).ClickAsync();
        await Assertions.Expect(member.Locator(".form-error")).ToContainTextAsync("学习心得不少于 30 字");
        await member.Locator("textarea[name=reflection]").FillAsync(Reflection);
        await member.GetByRole(AriaRole.Button, new() { Name = "打卡", Exact = true }).ClickAsync();
        await member.Locator(".form-ok").WaitForAsync();
        await Assertions.Expect(member.Locator(".passages blockquote")).ToHaveCountAsync(1);
        await BrowserPortal.ScreenshotAsync(member, "loop-checked-in-phone");

        // A second member (reading recorded directly) hands in nearly the same reflection.
        using (var scope = portal.Portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.ReadingProgress.AddRange(keys.Select(k => new ReadingProgress { UserId = copierUser.Id, SectionKey = k, OpenedAtUtc = DateTime.UtcNow, LastReadAtUtc = DateTime.UtcNow, CompletedAtUtc = DateTime.UtcNow }));
            var paragraph = await db.Paragraphs.Where(p => p.Section!.Key == keys[1]).OrderBy(p => p.Position).Select(p => new { p.Position, p.Text }).FirstAsync();
            db.Highlights.Add(new Highlight
            {
                UserId = copierUser.Id, DocumentId = documentId, SectionKey = keys[1], Paragraph = paragraph.Position, Start = 0, End = 6, Exact = paragraph.Text[..6],
                Color = HighlightColor.Blue, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        var copier = await portal.NewPageAsync();
        await SignInAsync(copier, copierUser.UserName!);
        await copier.GotoAsync($"/study/{assignmentId}");
        await copier.Locator("textarea[name=reflection]").FillAsync(Reflection.Replace("学习了", "认真学习了", StringComparison.Ordinal));
        await copier.Locator("input[name=passages]").CheckAsync();
        await copier.GetByRole(AriaRole.Button, new() { Name = "打卡", Exact = true }).ClickAsync();
        await copier.Locator(".form-ok").WaitForAsync();
        Assert.Equal(0, await copier.Locator(".near-copy").CountAsync());

        // The leader: one digest for the day, the near-copy marks, a comment, the record as Word.
        await leader.GotoAsync("/notices");
        await Assertions.Expect(leader.Locator(".notices")).ToContainTextAsync("今天已有 2 人打卡");
        await leader.GotoAsync($"/leader/groups/{groupId}/progress");
        await Assertions.Expect(leader.Locator(".near-copy")).ToHaveCountAsync(2);
        await Assertions.Expect(leader.Locator("details.reading-time").First).ToBeVisibleAsync();
        var reflection = leader.Locator("article.reflection").Filter(new() { Has = leader.Locator("header", new() { HasText = "吴敏" }) });
        await reflection.Locator("textarea[name=comment]").FillAsync("体会真切，注意结合本职工作。");
        await reflection.GetByRole(AriaRole.Button, new() { Name = "保存点评" }).ClickAsync();
        await leader.Locator(".near-copy").First.ScrollIntoViewIfNeededAsync();
        await BrowserPortal.ScreenshotAsync(leader, "loop-progress-desktop");

        var today = DateTime.UtcNow.AddHours(8);
        var ledgerUrl = $"/leader/groups/{groupId}/ledger?from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(30):yyyy-MM-dd}";
        await leader.GotoAsync(ledgerUrl);
        await Assertions.Expect(leader.Locator("article.ledger h1")).ToHaveTextAsync("办公室第二党支部学习台账");
        await Assertions.Expect(leader.Locator("article.ledger")).ToContainTextAsync("体会真切");
        await BrowserPortal.ScreenshotAsync(leader, "loop-ledger-desktop");
        var phone = await portal.NewPageAsync(390, 844);
        await SignInAsync(phone, leaderUser.UserName!);
        await phone.GotoAsync(ledgerUrl);
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"));
        await BrowserPortal.ScreenshotAsync(phone, "loop-ledger-phone");

        var download = await leader.RunAndWaitForDownloadAsync(() => leader.GetByRole(AriaRole.Link, new() { Name = "导出 Word（公文格式）" }).ClickAsync());
        var docx = Path.Combine(BrowserPortal.ScreenshotFolder, "loop-ledger.docx");
        await download.SaveAsAsync(docx);
        var profile = Directory.CreateTempSubdirectory("lo-profile-").FullName;
        await RunAsync("soffice", $"-env:UserInstallation=file://{profile} --headless --convert-to pdf --outdir {BrowserPortal.ScreenshotFolder} {docx}");
        await RunAsync("pdftoppm", $"-r 80 -f 1 -l 1 -png -singlefile {Path.Combine(BrowserPortal.ScreenshotFolder, "loop-ledger.pdf")} {Path.Combine(BrowserPortal.ScreenshotFolder, "loop-ledger-word-page-1")}");
        Assert.True(File.Exists(Path.Combine(BrowserPortal.ScreenshotFolder, "loop-ledger-word-page-1.png")));
    }

    private async Task<T> DbAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        using var scope = portal.Portal.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    private static async Task RunAsync(string tool, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool}: {await error}");
    }
}

using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StudyPortal.Data;
using StudyPortal.Data.Accounts;
using StudyPortal.Data.Groups;
using StudyPortal.Data.Highlights;
using StudyPortal.Tests;
using StudyPortal.Web.Tests.Infrastructure;
using static StudyPortal.Browser.Tests.BrowserPortal;

namespace StudyPortal.Browser.Tests;

/// <summary>
/// axe-core on every page, as each role, in the light theme, the night toggle and the system's dark setting, at a
/// desktop and a phone width: no serious or critical violation, and nothing wider than a phone (issue 12, "keep it so").
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserPortal portal)
{
    private const string Password = "Study-pass-2026";

    private sealed record Data(int DocumentId, string Key, int QuotationId, int GroupId, int AssignmentId, string Leader, string Member, string MemberId, Guid DraftId);

    private async Task<Data> ArrangeAsync()
    {
        using var scope = portal.Portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        async Task<PortalUser> UserAsync(string displayName, string role)
        {
            var user = new PortalUser { UserName = "a" + Guid.NewGuid().ToString("N")[..8], DisplayName = displayName, CreatedAtUtc = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            await users.AddToRoleAsync(user, role);
            return user;
        }
        var leader = await UserAsync("李组长", PortalRoles.Leader);
        var member = await UserAsync("赵读者", PortalRoles.Reader);
        var article = await db.Articles.OrderBy(a => a.Id).Select(a => new { a.DocumentId, a.Title, Document = a.Document!.Title, Sections = a.Sections.OrderBy(s => s.Position).Select(s => new { s.Key, s.Heading }).ToList() }).FirstAsync();
        var group = new StudyGroup { Name = "第二党支部", CreatedAtUtc = DateTime.UtcNow };
        group.Members.Add(new GroupMember { UserId = leader.Id, IsLeader = true, AddedAtUtc = DateTime.UtcNow });
        group.Members.Add(new GroupMember { UserId = member.Id, AddedAtUtc = DateTime.UtcNow });
        var assignment = new Assignment
        {
            Title = article.Title, Message = "请**认真**学习。", DueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)), CreatedById = leader.Id, CreatedAtUtc = DateTime.UtcNow.AddMinutes(-5),
            MinimumReflectionLength = 100, RequiredPassages = 1,
        };
        assignment.Sections.AddRange(article.Sections.Select((s, i) => new AssignmentSection { SectionKey = s.Key, Position = i, DocumentTitle = article.Document, ArticleTitle = article.Title, Heading = s.Heading }));
        group.Assignments.Add(assignment);
        db.StudyGroups.Add(group);
        await db.SaveChangesAsync();
        // Highlights to draw in the reader and list in 我的笔记: the member's own note, and the leader's note pinned to the assignment.
        var firstKey = article.Sections[0].Key;
        var paragraph = await db.Paragraphs.Where(p => p.Section!.Key == firstKey && p.Text.Length > 20).OrderBy(p => p.Position).Select(p => new { p.Position, p.Text }).FirstAsync();
        Highlight Mark(PortalUser owner, int start, string note, int? assignmentId) => new()
        {
            UserId = owner.Id, DocumentId = article.DocumentId, SectionKey = firstKey, Paragraph = paragraph.Position, Start = start, End = start + 6,
            Exact = paragraph.Text.Substring(start, 6), Color = HighlightColor.Green, Note = note, GroupId = group.Id, AssignmentId = assignmentId,
            CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
        };
        // The member has read every section, so the check-in form (its rules, the passages to attach) is on the page.
        db.ReadingProgress.AddRange(article.Sections.Select(x => new ReadingProgress
        {
            UserId = member.Id, SectionKey = x.Key, OpenedAtUtc = DateTime.UtcNow, LastReadAtUtc = DateTime.UtcNow, CompletedAtUtc = DateTime.UtcNow,
        }));
        db.ReadingVisits.AddRange(article.Sections.Select(x => new ReadingVisit { UserId = member.Id, SectionKey = x.Key, StartedAtUtc = DateTime.UtcNow, Seconds = 240 }));
        db.Highlights.AddRange(Mark(member, 0, "这一句要结合实际工作理解。", null), Mark(leader, 10, "本周重点：请对照检查。", assignment.Id));
        await db.SaveChangesAsync();
        var quotation = await db.Quotations.OrderBy(q => q.Id).Select(q => q.Id).FirstAsync();
        // An upload the admin has not stored yet, with places worth a look: its preview is a page too.
        var admin = await users.FindByNameAsync(PortalFactory.AdminUserName);
        var draft = new UploadDraft
        {
            Id = Guid.NewGuid(), UserId = admin!.Id, FileName = "待核对的材料.txt", CreatedAtUtc = DateTime.UtcNow,
            Bytes = File.ReadAllBytes(Path.Combine(CorpusExpectation.Folder, "01-blank-chapters", "headings-after-bodies.txt")),
        };
        db.UploadDrafts.Add(draft);
        await db.SaveChangesAsync();
        return new Data(article.DocumentId, article.Sections[0].Key, quotation, group.Id, assignment.Id, leader.UserName!, member.UserName!, member.Id, draft.Id);
    }

    private static IReadOnlyDictionary<string, string[]> PagesByRole(Data d) => new Dictionary<string, string[]>
    {
        ["anonymous"] = ["/account/signin", "/", $"/documents/{d.DocumentId}", $"/read/{d.Key}", "/quotes", $"/quotes/{d.QuotationId}", "/search?q=" + Uri.EscapeDataString("网络安全"), "/Error/404"],
        ["member"] = ["/", "/study", $"/study/{d.AssignmentId}", "/notices", "/account/password", "/account/sessions", $"/read/{d.Key}", "/notes"],
        ["leader"] = ["/leader/groups", $"/leader/groups/{d.GroupId}", $"/leader/groups/{d.GroupId}/progress", $"/leader/groups/{d.GroupId}/assign?document={d.DocumentId}",
            $"/leader/assignments/{d.AssignmentId}", $"/leader/assignments/{d.AssignmentId}?withdraw=true", $"/leader/groups/{d.GroupId}?remove={d.MemberId}",
            $"/leader/groups/{d.GroupId}/ledger"],
        ["admin"] = ["/admin/documents", "/admin/upload", $"/admin/upload/{d.DraftId}", "/admin/users", "/admin/users/new", "/admin/users/import", $"/admin/users/{d.MemberId}", "/admin/audit", $"/admin/documents/{d.DocumentId}/edit?section={d.Key}"],
    };

    private static string Slug(string url) =>
        new string(url.Trim('/').Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()) is { Length: > 0 } slug ? slug[..Math.Min(60, slug.Length)] : "home";

    private enum Theme { Light, NightToggle, SystemDark }

    private async Task<IPage> PageAsync(Theme theme, int width)
    {
        var context = await portal.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN", BaseURL = portal.BaseUrl, ViewportSize = new ViewportSize { Width = width, Height = 900 },
            ColorScheme = theme == Theme.SystemDark ? ColorScheme.Dark : ColorScheme.Light,
        });
        if (theme == Theme.NightToggle) await context.AddInitScriptAsync("try { localStorage.setItem('sp-theme', 'dark'); } catch (e) { }");
        return await context.NewPageAsync();
    }


    [Fact]
    public async Task EveryPage_AsEachRole_InEachTheme_AtBothWidths_HasNoSeriousViolation()
    {
        var data = await ArrangeAsync();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var combinations = Enum.GetValues<Theme>().SelectMany(theme => new[] { 1280, 390 }.Select(width => (theme, width))).ToList();
        // Two browser pages at a time: axe's checks are the cost, and this machine has two cores.
        await Parallel.ForEachAsync(combinations, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (combination, _) =>
        {
            var (theme, width) = combination;
            foreach (var (role, urls) in PagesByRole(data))
            {
                var page = await PageAsync(theme, width);
                if (role == "member") await SignInAsync(page, data.Member, Password);
                if (role == "leader") await SignInAsync(page, data.Leader, Password);
                if (role == "admin") await SignInAsync(page, PortalFactory.AdminUserName, PortalFactory.AdminPassword);
                foreach (var url in urls)
                {
                    await page.GotoAsync(url);
                    // The member's highlights and the leader's pinned note are drawn after the chapter loads: check them too.
                    if (role == "member" && url.StartsWith("/read/", StringComparison.Ordinal)) await page.Locator("aside.hl-pins").WaitForAsync();
                    // Every page at both widths, light and dark, for a person to look at (bin/…/screenshots).
                    if (theme != Theme.NightToggle)
                        await BrowserPortal.ScreenshotAsync(page, $"a11y-{theme}-{width}-{role}-{Slug(url)}");
                    // Nothing scrolls sideways on a phone (WCAG 1.4.10); wide tables scroll inside their own box.
                    if (width < 500 && await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth + 1"))
                        failures.Add($"{theme} {width}px {role} {url}: the page scrolls sideways");
                    var result = await page.RunAxe();
                    foreach (var v in result.Violations.Where(v => v.Impact is "serious" or "critical"))
                        failures.Add($"{theme} {width}px {role} {url}: {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}");
                }
                await page.Context.CloseAsync();
            }
        });
        Assert.True(failures.IsEmpty, string.Join("\n", failures));
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StudyPortal.Data;
using StudyPortal.Data.Accounts;
using StudyPortal.Data.Groups;
using StudyPortal.Tests;
using StudyPortal.Web.Infrastructure.Groups;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Groups;

public sealed class StudyClockTests
{
    private static StudyClock Clock(DateTimeOffset now, string zone = "Asia/Shanghai") =>
        new(new FakeTimeProvider(now), Microsoft.Extensions.Options.Options.Create(new StudyOptions { TimeZone = zone }));

    [Fact]
    public void DueDate_EndsAtMidnight_ChinaStandardTime()
    {
        var due = new DateOnly(2026, 7, 7);
        Assert.False(Clock(new DateTimeOffset(2026, 7, 7, 15, 59, 59, TimeSpan.Zero)).IsOverdue(due)); // 23:59:59 in Beijing
        Assert.True(Clock(new DateTimeOffset(2026, 7, 7, 16, 0, 0, TimeSpan.Zero)).IsOverdue(due));   // 00:00 on the 8th
        Assert.Equal(new DateOnly(2026, 7, 8), Clock(new DateTimeOffset(2026, 7, 7, 16, 0, 0, TimeSpan.Zero)).Today);
        Assert.Equal(new DateOnly(2026, 7, 7), Clock(new DateTimeOffset(2026, 7, 7, 15, 59, 59, TimeSpan.Zero)).Today);
    }

    [Fact]
    public void TheZone_IsConfigurable()
    {
        var due = new DateOnly(2026, 7, 7);
        var at = new DateTimeOffset(2026, 7, 7, 20, 0, 0, TimeSpan.Zero);
        Assert.True(Clock(at).IsOverdue(due));                         // 04:00 on the 8th in Beijing
        Assert.False(Clock(at, "Europe/Berlin").IsOverdue(due));       // 22:00 on the 7th in Berlin
        Assert.True(Clock(at.AddHours(2), "Europe/Berlin").IsOverdue(due));
    }

    [Fact]
    public void DueSoon_IsTheLastTwoDays()
    {
        var due = new DateOnly(2026, 7, 7);
        Assert.False(Clock(new DateTimeOffset(2026, 7, 4, 15, 59, 0, TimeSpan.Zero)).IsDueSoon(due)); // 4 July in Beijing
        Assert.True(Clock(new DateTimeOffset(2026, 7, 4, 16, 0, 0, TimeSpan.Zero)).IsDueSoon(due));   // 5 July
        Assert.False(Clock(new DateTimeOffset(2026, 7, 7, 16, 0, 0, TimeSpan.Zero)).IsDueSoon(due));  // overdue, not "soon"
    }
}

/// <summary>The app with a clock the test sets: 23:30 on 7 July 2026 in Beijing.</summary>
public sealed class ClockedPortalFactory : SecuredPortalFactory
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 7, 7, 15, 30, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }
}

public sealed class DueDateTests(ClockedPortalFactory factory) : IClassFixture<ClockedPortalFactory>
{
    private async Task<(int AssignmentId, int GroupId, PortalUser Member, PortalUser Idle, HttpClient Leader, List<string> Keys)> ArrangeAsync(string documentTitle, DateOnly due)
    {
        var leader = await factory.CreateUserAsync(PortalRoles.Leader);
        var member = await factory.CreateUserAsync(PortalRoles.Reader);
        var idle = await factory.CreateUserAsync(PortalRoles.Reader);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var sections = await db.Sections.Where(s => s.Document!.Title == documentTitle).OrderBy(s => s.Position)
            .Select(s => new { s.Key, Document = s.Document!.Title, Article = s.Article!.Title, s.Heading }).ToListAsync();
        var group = new StudyGroup { Name = "第二党支部", CreatedAtUtc = factory.Time.GetUtcNow().UtcDateTime };
        group.Members.AddRange([
            new GroupMember { UserId = leader.Id, IsLeader = true }, new GroupMember { UserId = member.Id }, new GroupMember { UserId = idle.Id }]);
        var assignment = new Assignment { Title = "学习讲话", DueDate = due, CreatedById = leader.Id, Group = group };
        assignment.Sections.AddRange(sections.Select((s, i) => new AssignmentSection { SectionKey = s.Key, Position = i, DocumentTitle = s.Document, ArticleTitle = s.Article, Heading = s.Heading }));
        db.Assignments.Add(assignment);
        await db.SaveChangesAsync();
        return (assignment.Id, group.Id, member, idle, await factory.SignedInClientAsync(leader.UserName!), sections.Select(s => s.Key).ToList());
    }

    [Fact]
    public async Task AroundMidnight_OverdueStarts_AndTheReflectionIsClosed_AndDueSoonNoticesGoOutOnce()
    {
        factory.Time.AdjustTime(new DateTimeOffset(2026, 7, 5, 2, 0, 0, TimeSpan.Zero)); // 10:00 on 5 July in Beijing
        var (assignmentId, groupId, member, idle, leader, keys) = await ArrangeAsync(Seeded.Quotations, new DateOnly(2026, 7, 7));
        var memberClient = await factory.SignedInClientAsync(member.UserName!);

        using (var scope = factory.Services.CreateScope())
        {
            var board = scope.ServiceProvider.GetRequiredService<NoticeBoard>();
            Assert.True(await board.SendDueSoonAsync(CancellationToken.None) >= 2);
            Assert.Equal(0, await board.SendDueSoonAsync(CancellationToken.None));
        }

        factory.Time.AdjustTime(new DateTimeOffset(2026, 7, 7, 15, 30, 0, TimeSpan.Zero)); // 23:30 on the due date
        await memberClient.ReadToTheEndAsync(keys);
        Assert.Equal(HttpStatusCode.Redirect, (await memberClient.SubmitFormAsync($"/study/{assignmentId}", new() { ["reflection"] = "初稿" })).StatusCode);
        var (_, before) = await HtmlPage.GetAsync(leader, $"/leader/groups/{groupId}/progress");
        Assert.Equal("未开始", before.QuerySelector($"tr[data-user='{idle.UserName}'] td[data-assignment='{assignmentId}']")!.FirstChild!.TextContent.Trim());

        factory.Time.AdjustTime(new DateTimeOffset(2026, 7, 7, 16, 0, 1, TimeSpan.Zero)); // 00:00:01 on 8 July
        var (_, closed) = await HtmlPage.GetAsync(memberClient, $"/study/{assignmentId}");
        Assert.Null(closed.QuerySelector(".checkin-form")); // the page no longer offers the form ...
        var forced = await memberClient.PostWithTokenAsync($"/study/{assignmentId}", new() { ["reflection"] = "修改稿" });
        Assert.Equal(HttpStatusCode.BadRequest, forced.StatusCode); // ... and refuses a change anyway
        using (var scope = factory.Services.CreateScope())
            Assert.Equal("初稿", await scope.ServiceProvider.GetRequiredService<PortalDbContext>().CheckIns.Where(c => c.AssignmentId == assignmentId).Select(c => c.Reflection).SingleAsync());

        var (_, after) = await HtmlPage.GetAsync(leader, $"/leader/groups/{groupId}/progress");
        Assert.Equal("已逾期", after.QuerySelector($"tr[data-user='{idle.UserName}'] td[data-assignment='{assignmentId}']")!.FirstChild!.TextContent.Trim());
        Assert.Equal("已完成", after.QuerySelector($"tr[data-user='{member.UserName}'] td[data-assignment='{assignmentId}']")!.FirstChild!.TextContent.Trim());
        var (_, filtered) = await HtmlPage.GetAsync(leader, $"/leader/groups/{groupId}/progress?overdue=true");
        Assert.Equal([idle.UserName!], filtered.QuerySelectorAll("tbody tr").Select(r => r.GetAttribute("data-user")!).ToList());
    }

    [Fact]
    public async Task TheLeaderGetsOneCheckInDigestPerAssignmentAndDay_AndOnTheDueDateWhoHasNotFinished()
    {
        factory.Time.AdjustTime(new DateTimeOffset(2026, 7, 9, 2, 0, 0, TimeSpan.Zero)); // 10:00 on 9 July in Beijing
        // The app's own notifier runs once as it starts; let that run pass before the assignment exists, so the notices
        // below are this test's calls alone (two senders at once is the notifier's business: it ignores the duplicate).
        _ = factory.Services;
        await Task.Delay(TimeSpan.FromSeconds(1));
        var (assignmentId, groupId, member, idle, leader, keys) = await ArrangeAsync(Seeded.Quotations, new DateOnly(2026, 7, 9));
        var leaderId = await factory.DbAsync(db => db.GroupMembers.Where(m => m.GroupId == groupId && m.IsLeader).Select(m => m.UserId).SingleAsync());
        Task<List<Notice>> LeaderNoticesAsync() => factory.DbAsync(db => db.Notices.AsNoTracking().Where(n => n.UserId == leaderId).OrderBy(n => n.Kind).ToListAsync());

        // On the due date, the leaders hear who has not finished, once.
        using (var scope = factory.Services.CreateScope())
        {
            var board = scope.ServiceProvider.GetRequiredService<NoticeBoard>();
            await board.SendDueSoonAsync(CancellationToken.None);
            await board.SendDueSoonAsync(CancellationToken.None);
        }
        var dueToday = (await LeaderNoticesAsync()).Single(n => n.Kind == NoticeBoard.DueToday);
        Assert.Contains("今天截止，尚有 2 人未完成", dueToday.Text, StringComparison.Ordinal);
        Assert.Contains(member.DisplayName!, dueToday.Text, StringComparison.Ordinal);
        Assert.Contains(idle.DisplayName!, dueToday.Text, StringComparison.Ordinal);
        Assert.Equal($"/leader/groups/{groupId}/progress", dueToday.Link);

        // Two members check in the same day: one digest, rewritten, unread again after the leader saw the first.
        foreach (var (who, index) in new[] { (member, 0), (idle, 1) })
        {
            var client = await factory.SignedInClientAsync(who.UserName!);
            await client.ReadToTheEndAsync(keys);
            Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"/study/{assignmentId}", new() { ["reflection"] = "学习体会" })).StatusCode);
            var digests = (await LeaderNoticesAsync()).Where(n => n.Kind == "checkins-20260709").ToList();
            Assert.Equal($"“学习讲话”今天已有 {index + 1} 人打卡：", Assert.Single(digests).Text[..($"“学习讲话”今天已有 {index + 1} 人打卡：".Length)]);
            Assert.Null(digests[0].ReadAtUtc);
            if (index == 0) await HtmlPage.GetAsync(leader, "/notices");   // the leader reads it
        }
        var digest = (await LeaderNoticesAsync()).Single(n => n.Kind == "checkins-20260709");
        Assert.Equal($"“学习讲话”今天已有 2 人打卡：{member.DisplayName}、{idle.DisplayName}", digest.Text);
        // Editing a reflection is not a new check-in: the digest does not change, and members get no digest.
        var memberClient = await factory.SignedInClientAsync(member.UserName!);
        Assert.Equal(HttpStatusCode.Redirect, (await memberClient.SubmitFormAsync($"/study/{assignmentId}", new() { ["reflection"] = "修改后的体会" })).StatusCode);
        Assert.Equal(digest.Text, (await LeaderNoticesAsync()).Single(n => n.Kind == "checkins-20260709").Text);
        Assert.False(await factory.DbAsync(db => db.Notices.AnyAsync(n => n.UserId == member.Id && n.Kind.StartsWith(NoticeBoard.CheckInDigest))));
    }

    [Fact]
    public async Task Reimport_KeepsTheAssignment_AndAVanishedSectionShowsAsSuch()
    {
        factory.Time.AdjustTime(new DateTimeOffset(2026, 7, 1, 2, 0, 0, TimeSpan.Zero));
        var (assignmentId, _, member, _, _, keys) = await ArrangeAsync(Seeded.Quotations, new DateOnly(2026, 7, 20));
        // A new version of the speech collection: one heading renamed, the rest as it was.
        var changed = File.ReadAllText(TestPaths.Seed("003")).Replace("**以人民为中心**", "**坚持以人民为中心**", StringComparison.Ordinal);
        var admin = await factory.AdminClientAsync();
        var token = await Accounts.TokenAsync(admin, "/admin/upload");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(changed)), "files", "003-v2.txt");
        var uploaded = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await (await admin.PostAsync(new Uri("/admin/upload", UriKind.Relative), form)).Content.ReadAsStringAsync());
        var preview = uploaded.QuerySelector(".upload-results li.ok a")!.GetAttribute("href")!;
        // A new version of a stored document: the admin chooses to replace it (issue 12, item 5).
        var replace = (await HtmlPage.GetAsync(admin, preview)).Document.QuerySelector("input[name='Form.Replace']")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(preview, new() { ["Form.Title"] = Seeded.Quotations, ["Form.Replace"] = replace }, preview + "?handler=Confirm")).StatusCode);

        var client = await factory.SignedInClientAsync(member.UserName!);
        var (response, page) = await HtmlPage.GetAsync(client, $"/study/{assignmentId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = page.QuerySelectorAll(".assigned-sections li");
        Assert.Equal(keys.Count, items.Length);
        var gone = items.Where(li => li.QuerySelector(".missing") is not null).ToList();
        Assert.Single(gone);
        Assert.Contains("以人民为中心", gone[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("此章节已不在资料库中", gone[0].TextContent, StringComparison.Ordinal);
        Assert.Equal(keys.Count - 1, items.Count(li => li.QuerySelector("a[href^='/read/']") is not null));
    }
}

/// <summary>A portal whose "due soon" reaches ten days ahead, at 10:00 on 1 July 2026 in Beijing.</summary>
public sealed class TenDayNoticePortalFactory : SecuredPortalFactory
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 7, 1, 2, 0, 0, TimeSpan.Zero));

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Study:DueSoonDays"] = "10";
            return settings;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }
}

public sealed class DueSoonDaysTests(TenDayNoticePortalFactory factory) : IClassFixture<TenDayNoticePortalFactory>
{
    [Fact]
    public async Task DueSoonNotices_LookAsFarAheadAsConfigured_EvenBeyondAWeek()
    {
        var leader = await factory.CreateUserAsync(PortalRoles.Leader);
        var member = await factory.CreateUserAsync(PortalRoles.Reader);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var group = new StudyGroup { Name = "第三党支部", CreatedAtUtc = factory.Time.GetUtcNow().UtcDateTime };
        group.Members.AddRange([new GroupMember { UserId = leader.Id, IsLeader = true }, new GroupMember { UserId = member.Id }]);
        db.Assignments.AddRange(
            new Assignment { Title = "九天后截止", DueDate = new DateOnly(2026, 7, 10), CreatedById = leader.Id, Group = group },
            new Assignment { Title = "十一天后截止", DueDate = new DateOnly(2026, 7, 12), CreatedById = leader.Id, Group = group });
        await db.SaveChangesAsync();

        await scope.ServiceProvider.GetRequiredService<NoticeBoard>().SendDueSoonAsync(CancellationToken.None);

        var notices = await db.Notices.Where(n => n.UserId == member.Id && n.Kind == NoticeBoard.DueSoon).Select(n => n.Text).ToListAsync();
        Assert.Contains(notices, text => text.Contains("九天后截止", StringComparison.Ordinal));
        Assert.DoesNotContain(notices, text => text.Contains("十一天后截止", StringComparison.Ordinal));
    }
}

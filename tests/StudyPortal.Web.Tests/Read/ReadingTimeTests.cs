using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StudyPortal.Data;
using StudyPortal.Data.Accounts;
using StudyPortal.Data.Groups;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Read;

/// <summary>The portal with the default reading-time rule (a quarter of the section's reading time) and a clock the test moves.</summary>
public sealed class ReadingTimePortalFactory : SecuredPortalFactory
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 9, 1, 2, 0, 0, TimeSpan.Zero));

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings.Remove("Reading:MinimumReadFraction");
            return settings;
        }
    }

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }
}

/// <summary>"Read" means read: the end counts only after a plausible time on the server's clock; leaders see reading time.</summary>
public sealed class ReadingTimeTests(ReadingTimePortalFactory factory) : IClassFixture<ReadingTimePortalFactory>
{
    [Fact]
    public async Task ReachingTheEndTooSoon_IsNotRead_UntilThePlausibleTimeHasPassed_AndTheLeaderSeesTheTime()
    {
        var leaderUser = await factory.CreateUserAsync(PortalRoles.Leader);
        var readerUser = await factory.CreateUserAsync(PortalRoles.Reader);
        var key = await factory.FirstSectionKeyAsync(Seeded.Booklet, 1);
        int characters, groupId;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            characters = await db.Paragraphs.Where(p => p.Section!.Key == key).SumAsync(p => p.Text.Length);
            var heading = await db.Sections.Where(s => s.Key == key).Select(s => s.Heading).FirstAsync();
            var group = new StudyGroup { Name = "计时小组", CreatedAtUtc = factory.Time.GetUtcNow().UtcDateTime };
            group.Members.Add(new GroupMember { UserId = leaderUser.Id, IsLeader = true });
            group.Members.Add(new GroupMember { UserId = readerUser.Id });
            group.Assignments.Add(new Assignment
            {
                Title = "计时任务", DueDate = new DateOnly(2026, 9, 30), CreatedById = leaderUser.Id, CreatedAtUtc = factory.Time.GetUtcNow().UtcDateTime,
                Sections = [new AssignmentSection { SectionKey = key, Position = 0, DocumentTitle = Seeded.Booklet, ArticleTitle = "篇", Heading = heading }],
            });
            db.StudyGroups.Add(group);
            await db.SaveChangesAsync();
            groupId = group.Id;
        }
        // A quarter of the time at 400 characters a minute.
        var required = TimeSpan.FromMinutes(characters * 0.25 / 400);
        Assert.True(required > TimeSpan.FromSeconds(5), $"{characters} characters");
        var reader = await factory.SignedInClientAsync(readerUser.UserName!);
        async Task<int> SecondsAsync()
        {
            using var scope = factory.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().ReadingVisits.Where(v => v.UserId == readerUser.Id && v.SectionKey == key).SumAsync(v => v.Seconds);
        }
        async Task<ReadingProgress?> StoredAsync()
        {
            using var scope = factory.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().ReadingProgress.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == readerUser.Id && p.SectionKey == key);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await reader.ReportAsync(key, 0, completed: false, opened: true)).StatusCode);
        factory.Time.Advance(TimeSpan.FromSeconds(3));
        var tooSoon = await reader.ReportAsync(key, 9, completed: true);
        Assert.Equal(HttpStatusCode.Accepted, tooSoon.StatusCode);
        var wait = (await tooSoon.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("waitSeconds").GetInt32();
        Assert.InRange(wait, (int)(required.TotalSeconds - 3) - 1, (int)Math.Ceiling(required.TotalSeconds - 3) + 1);
        Assert.Null((await StoredAsync())!.CompletedAtUtc);

        // Opening the page again starts the visit over: reaching the end right after that is still too soon.
        factory.Time.Advance(required);
        Assert.Equal(HttpStatusCode.NoContent, (await reader.ReportAsync(key, 0, completed: false, opened: true)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await reader.ReportAsync(key, 9, completed: true)).StatusCode);

        // Staying long enough, the end counts.
        factory.Time.Advance(required + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.NoContent, (await reader.ReportAsync(key, 9, completed: true)).StatusCode);
        var read = (await StoredAsync())!;
        Assert.True(Math.Abs((read.CompletedAtUtc!.Value - factory.Time.GetUtcNow().UtcDateTime).TotalMilliseconds) < 1, $"completed at {read.CompletedAtUtc:O}");
        var spent = 3 + (int)(required + TimeSpan.FromSeconds(1)).TotalSeconds;
        var seconds = await SecondsAsync();
        Assert.InRange(seconds, spent - 1, spent + 1);
        Assert.Equal(2, await factory.DbAsync(db => db.ReadingVisits.CountAsync(v => v.UserId == readerUser.Id && v.SectionKey == key)));

        // A tab left open for two hours counts as the idle limit (five minutes), not two hours.
        factory.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(HttpStatusCode.NoContent, (await reader.ReportAsync(key, 9, completed: false)).StatusCode);
        Assert.Equal(seconds + 300, await SecondsAsync());

        // The leader's progress page shows the member's reading time for the assignment and per section.
        var leader = await factory.SignedInClientAsync(leaderUser.UserName!);
        var (_, page) = await HtmlPage.GetAsync(leader, $"/leader/groups/{groupId}/progress");
        var time = page.QuerySelector($"tr[data-user='{readerUser.UserName}'] details.reading-time")!;
        Assert.StartsWith("阅读 ", time.QuerySelector("summary")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Single(time.QuerySelectorAll("li"));

        // A section never opened, reported read at once, is not read either.
        var other = await factory.FirstSectionKeyAsync(Seeded.Booklet, 2);
        Assert.Equal(HttpStatusCode.Accepted, (await reader.ReportAsync(other, 9, completed: true)).StatusCode);
    }
}

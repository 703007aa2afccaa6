using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyPortal.Data;
using StudyPortal.Data.Accounts;
using StudyPortal.Data.Groups;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Groups;

/// <summary>/api/study/reading: the reader in an assignment — where a section stands, read or not, turning pages within it.</summary>
[Collection(SecuredPortalCollection.Name)]
public sealed class StudyApiTests(SecuredPortalFactory factory)
{
    [Fact]
    public async Task AMemberReadingAnAssignedSection_GetsItsPlace_AndItsNeighbours_OthersGetNothing()
    {
        var leaderUser = await factory.CreateUserAsync(PortalRoles.Leader);
        var memberUser = await factory.CreateUserAsync(PortalRoles.Reader);
        var outsiderUser = await factory.CreateUserAsync(PortalRoles.Reader);
        List<string> keys;
        int assignmentId, otherGroupsAssignment;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var sections = await db.Sections.Where(s => s.Document!.Title == Seeded.Booklet).OrderBy(s => s.Position)
                .Select(s => new { s.Key, s.Heading, Article = s.Article!.Title }).Take(3).ToListAsync();
            keys = sections.Select(s => s.Key).ToList();
            StudyGroup Group(string name, string leader, params string[] members)
            {
                var group = new StudyGroup { Name = name, CreatedAtUtc = DateTime.UtcNow };
                group.Members.Add(new GroupMember { UserId = leader, IsLeader = true });
                group.Members.AddRange(members.Select(m => new GroupMember { UserId = m }));
                group.Assignments.Add(new Assignment
                {
                    Title = name + "的任务", DueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(5)), CreatedById = leader, CreatedAtUtc = DateTime.UtcNow.AddMinutes(-1),
                    Sections = sections.Select((s, i) => new AssignmentSection { SectionKey = s.Key, Position = i, DocumentTitle = Seeded.Booklet, ArticleTitle = s.Article, Heading = s.Heading }).ToList(),
                });
                return group;
            }
            var mine = Group("阅读小组", leaderUser.Id, memberUser.Id);
            var theirs = Group("别的小组", outsiderUser.Id);
            db.StudyGroups.AddRange(mine, theirs);
            await db.SaveChangesAsync();
            (assignmentId, otherGroupsAssignment) = (mine.Assignments[0].Id, theirs.Assignments[0].Id);
        }
        var member = await factory.SignedInClientAsync(memberUser.UserName!);
        await member.ReadToTheEndAsync([keys[0]]);

        async Task<JsonElement?> AskAsync(HttpClient client, string key, int? assignment = null)
        {
            var response = await client.GetAsync(new Uri($"/api/study/reading?section={key}" + (assignment is null ? "" : $"&assignment={assignment}"), UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.NoContent) return null;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        var first = (await AskAsync(member, keys[0], assignmentId))!.Value;
        Assert.Equal(("阅读小组的任务", 1, 3, true), (first.GetProperty("title").GetString(), first.GetProperty("position").GetInt32(), first.GetProperty("count").GetInt32(), first.GetProperty("read").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, first.GetProperty("previous").ValueKind);
        Assert.Equal(keys[1], first.GetProperty("next").GetProperty("key").GetString());
        Assert.Contains("截止", first.GetProperty("due").GetString(), StringComparison.Ordinal);

        var middle = (await AskAsync(member, keys[1]))!.Value;   // without ?assignment=: the member's open assignment of the section
        Assert.Equal((2, false, keys[0], keys[2]), (middle.GetProperty("position").GetInt32(), middle.GetProperty("read").GetBoolean(),
            middle.GetProperty("previous").GetProperty("key").GetString(), middle.GetProperty("next").GetProperty("key").GetString()));
        var last = (await AskAsync(member, keys[2], assignmentId))!.Value;
        Assert.Equal((JsonValueKind.Null, $"/study/{assignmentId}", false), (last.GetProperty("next").ValueKind, last.GetProperty("studyUrl").GetString(), last.GetProperty("checkedIn").GetBoolean()));

        // Someone else's assignment, a section in none, a forged key: nothing. Anonymous: 401.
        Assert.Null(await AskAsync(member, keys[1], otherGroupsAssignment));
        Assert.Null(await AskAsync(await factory.SignedInClientAsync(outsiderUser.UserName!), keys[1], assignmentId));
        Assert.Null(await AskAsync(member, await factory.SectionKeyAsync(Seeded.Quotations, "把握时代大势")));
        Assert.Null(await AskAsync(member, "<script>"));
        var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri($"/api/study/reading?section={keys[0]}", UriKind.Relative))).StatusCode);

        // The assignment page opens each section in this mode.
        var (_, page) = await HtmlPage.GetAsync(member, $"/study/{assignmentId}");
        Assert.All(page.QuerySelectorAll(".assigned-sections li a"), a => Assert.EndsWith($"?assignment={assignmentId}", a.GetAttribute("href"), StringComparison.Ordinal));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyPortal.Data;
using StudyPortal.Data.Accounts;
using StudyPortal.Data.Groups;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Highlights;

/// <summary>/api/highlights: who sees and changes what (owner, group member, other group's member, leader, admin, anonymous), and bad input.</summary>
[Collection(SecuredPortalCollection.Name)]
public sealed class HighlightApiTests(SecuredPortalFactory factory)
{
    private sealed record Paragraph(string Key, int Position, string Text);

    private async Task<Paragraph> ParagraphAsync()
    {
        var key = await factory.SectionKeyAsync(Seeded.Quotations, "把握时代大势");
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var p = await db.Paragraphs.Where(x => x.Section!.Key == key && x.Text.Contains("深刻改变了人们的生产和生活方式")).Select(x => new { x.Position, x.Text }).FirstAsync();
        return new Paragraph(key, p.Position, p.Text);
    }

    private async Task<int> GroupAsync(params PortalUser[] members)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var group = new StudyGroup { Name = "标注小组" + Guid.NewGuid().ToString("N")[..6], CreatedAtUtc = DateTime.UtcNow };
        group.Members.AddRange(members.Select((m, i) => new GroupMember { UserId = m.Id, IsLeader = i == 0 }));
        db.StudyGroups.Add(group);
        await db.SaveChangesAsync();
        return group.Id;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object? body, bool withToken = true)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
        if (withToken) request.Headers.Add("RequestVerificationToken", await client.FormTokenAsync());
        return await client.SendAsync(request);
    }

    private static object Input(Paragraph p, string exact, string color = "yellow", string? note = null, int? groupId = null)
    {
        var start = p.Text.IndexOf(exact, StringComparison.Ordinal);
        return new { sectionKey = p.Key, paragraph = p.Position, start, end = start + exact.Length, exact, color, note, groupId };
    }

    private static async Task<JsonElement[]> ListAsync(HttpClient client, string key) =>
        (await client.GetFromJsonAsync<JsonElement[]>($"/api/highlights?section={key}"))!;

    [Fact]
    public async Task Private_IsTheOwnersAlone_Shared_IsForCurrentMembersOfThatGroup_WithAHeatCount()
    {
        var p = await ParagraphAsync();
        var (leaderUser, memberUser, otherUser) = (await factory.CreateUserAsync(PortalRoles.Leader), await factory.CreateUserAsync(PortalRoles.Reader), await factory.CreateUserAsync(PortalRoles.Reader));
        var ownerUser = await factory.CreateUserAsync(PortalRoles.Reader);
        var group = await GroupAsync(leaderUser, ownerUser, memberUser);
        var otherGroup = await GroupAsync(otherUser);
        var owner = await factory.SignedInClientAsync(ownerUser.UserName!);
        var member = await factory.SignedInClientAsync(memberUser.UserName!);
        var leader = await factory.SignedInClientAsync(leaderUser.UserName!);
        var other = await factory.SignedInClientAsync(otherUser.UserName!);
        var admin = await factory.AdminClientAsync();

        var privateOne = await SendAsync(owner, HttpMethod.Post, "/api/highlights", Input(p, "深刻改变了", note: "只给自己看"));
        Assert.Equal(HttpStatusCode.Created, privateOne.StatusCode);
        var stored = await privateOne.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("深刻改变了", "yellow", true), (stored.GetProperty("exact").GetString(), stored.GetProperty("color").GetString(), stored.GetProperty("mine").GetBoolean()));
        var sharedOne = await (await SendAsync(owner, HttpMethod.Post, "/api/highlights", Input(p, "生产和生活方式", "green", "小组讨论这一句", group))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(member, HttpMethod.Post, "/api/highlights", Input(p, "生产和生活方式", "blue", null, group))).StatusCode);

        var mine = await ListAsync(owner, p.Key);
        Assert.Equal(new[] { "深刻改变了", "生产和生活方式", "生产和生活方式" }, mine.Select(h => h.GetProperty("exact").GetString()!).Order(StringComparer.Ordinal).ToArray());
        Assert.All(mine.Where(h => h.GetProperty("groupId").ValueKind != JsonValueKind.Null), h => Assert.Equal(2, h.GetProperty("count").GetInt32()));

        // A member and the group's leader see the shared passage (twice marked) and its note, not the private one; no one else sees anything.
        foreach (var reader in new[] { member, leader })
        {
            var seen = await ListAsync(reader, p.Key);
            Assert.DoesNotContain(seen, h => h.GetProperty("exact").GetString() == "深刻改变了");
            Assert.Contains(seen, h => h.GetProperty("note").GetString() == "小组讨论这一句" && h.GetProperty("count").GetInt32() == 2 && !h.GetProperty("mine").GetBoolean());
            Assert.DoesNotContain(ownerUser.DisplayName!, JsonSerializer.Serialize(seen), StringComparison.Ordinal);
        }
        Assert.Empty(await ListAsync(other, p.Key));
        Assert.Empty(await ListAsync(admin, p.Key));
        var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri($"/api/highlights?section={p.Key}", UriKind.Relative))).StatusCode);

        // Only the owner changes or deletes an item: for anyone else it does not exist.
        var id = sharedOne.GetProperty("id").GetInt64();
        foreach (var stranger in new[] { member, leader, other, admin })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(stranger, HttpMethod.Put, $"/api/highlights/{id}", new { color = "pink", note = "改掉" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(stranger, HttpMethod.Delete, $"/api/highlights/{id}", null)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync(new Uri($"/api/highlights/{id}", UriKind.Relative))).StatusCode);

        // Leaving the group ends seeing what it shares.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await db.GroupMembers.Where(m => m.GroupId == group && m.UserId == memberUser.Id).ExecuteDeleteAsync();
        }
        Assert.DoesNotContain(await ListAsync(member, p.Key), h => !h.GetProperty("mine").GetBoolean());

        // The owner makes it private again, then deletes it.
        var changed = await SendAsync(owner, HttpMethod.Put, $"/api/highlights/{id}", new { color = "pink", note = "改为私有" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("groupId").ValueKind);
        Assert.DoesNotContain(await ListAsync(leader, p.Key), h => h.GetProperty("id").GetInt64() == id);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(owner, HttpMethod.Delete, $"/api/highlights/{id}", null)).StatusCode);
        Assert.DoesNotContain(await ListAsync(owner, p.Key), h => h.GetProperty("id").GetInt64() == id);
    }

    [Fact]
    public async Task BadInput_GetsAClearMessage_AndStoresNothing()
    {
        var p = await ParagraphAsync();
        var readerUser = await factory.CreateUserAsync(PortalRoles.Reader);
        var reader = await factory.SignedInClientAsync(readerUser.UserName!);
        var strangersGroup = await GroupAsync(await factory.CreateUserAsync(PortalRoles.Leader));
        var start = p.Text.IndexOf("深刻改变了", StringComparison.Ordinal);
        var cases = new (object Body, HttpStatusCode Status, string Message)[]
        {
            (new { sectionKey = p.Key, paragraph = p.Position, start, end = p.Text.Length + 5, exact = "深刻改变了", color = "yellow" }, HttpStatusCode.BadRequest, "超出了这一段"),
            (new { sectionKey = p.Key, paragraph = p.Position, start = 3, end = 1, exact = "深刻改变了", color = "yellow" }, HttpStatusCode.BadRequest, "超出了这一段"),
            (new { sectionKey = p.Key, paragraph = p.Position, start, end = start + 5, exact = "并不是原文", color = "yellow" }, HttpStatusCode.BadRequest, "与原文不一致"),
            (new { sectionKey = "000000000000", paragraph = 0, start = 0, end = 1, exact = "x", color = "yellow" }, HttpStatusCode.NotFound, "找不到这一节"),
            (new { sectionKey = p.Key, paragraph = 99_999, start = 0, end = 1, exact = "x", color = "yellow" }, HttpStatusCode.NotFound, "找不到这一节"),
            (new { sectionKey = p.Key, paragraph = p.Position, start, end = start + 5, exact = "深刻改变了", color = "purple" }, HttpStatusCode.BadRequest, "颜色"),
            (new { sectionKey = p.Key, paragraph = p.Position, start, end = start + 5, exact = "深刻改变了", color = "yellow", note = new string('注', 2001) }, HttpStatusCode.BadRequest, "2000"),
            (new { sectionKey = p.Key, paragraph = p.Position, start, end = start + 5, exact = "深刻改变了", color = "yellow", groupId = strangersGroup }, HttpStatusCode.Forbidden, "不是这个学习小组的成员"),
        };
        foreach (var (body, status, message) in cases)
        {
            var response = await SendAsync(reader, HttpMethod.Post, "/api/highlights", body);
            Assert.Equal(status, response.StatusCode);
            Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var noToken = await SendAsync(reader, HttpMethod.Post, "/api/highlights", Input(p, "深刻改变了"), withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Contains("页面已过期", await noToken.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var scope = factory.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Highlights.AnyAsync(h => h.UserId == readerUser.Id));
    }

    private async Task<int> AssignmentAsync(int groupId, string creatorId, string title, params string[] sectionKeys)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var assignment = new Assignment
        {
            GroupId = groupId, Title = title, DueDate = new DateOnly(2030, 1, 1), CreatedById = creatorId, CreatedAtUtc = DateTime.UtcNow,
            Sections = sectionKeys.Select((k, i) => new AssignmentSection { SectionKey = k, Position = i, DocumentTitle = "文", ArticleTitle = "篇", Heading = "节" }).ToList(),
        };
        db.Assignments.Add(assignment);
        await db.SaveChangesAsync();
        return assignment.Id;
    }

    [Fact]
    public async Task LeaderPinsANote_ToAnAssignmentOfTheSection_OthersCannot_NamedNotesShowTheirAuthor_BareMarksComeAsOne()
    {
        var p = await ParagraphAsync();
        var otherKey = await factory.SectionKeyAsync(Seeded.Quotations, "明确发展路径");
        var (leaderUser, aUser, bUser, outsiderUser) = (await factory.CreateUserAsync(PortalRoles.Leader), await factory.CreateUserAsync(PortalRoles.Reader),
            await factory.CreateUserAsync(PortalRoles.Reader), await factory.CreateUserAsync(PortalRoles.Leader));
        var group = await GroupAsync(leaderUser, aUser, bUser);
        await GroupAsync(outsiderUser);
        var assignment = await AssignmentAsync(group, leaderUser.Id, "第一周：网络强国", p.Key);
        var elsewhere = await AssignmentAsync(group, leaderUser.Id, "第二周：别的章节", otherKey);
        var (leader, a, b, outsider) = (await factory.SignedInClientAsync(leaderUser.UserName!), await factory.SignedInClientAsync(aUser.UserName!),
            await factory.SignedInClientAsync(bUser.UserName!), await factory.SignedInClientAsync(outsiderUser.UserName!));
        object Pin(string exact, int? groupId, int assignmentId)
        {
            var start = p.Text.IndexOf(exact, StringComparison.Ordinal);
            return new { sectionKey = p.Key, paragraph = p.Position, start, end = start + exact.Length, exact, color = "yellow", note = "重点读这一句", groupId, assignmentId };
        }

        // The assignments a reader may pin to: those of their groups that include the section, with whether they lead it.
        var offered = (await leader.GetFromJsonAsync<JsonElement[]>($"/api/me/assignments?section={p.Key}"))!;
        Assert.Equal(("第一周：网络强国", true), (offered.Single().GetProperty("title").GetString(), offered.Single().GetProperty("leader").GetBoolean()));
        Assert.False((await a.GetFromJsonAsync<JsonElement[]>($"/api/me/assignments?section={p.Key}"))!.Single().GetProperty("leader").GetBoolean());
        Assert.Empty((await outsider.GetFromJsonAsync<JsonElement[]>($"/api/me/assignments?section={p.Key}"))!);

        // Refused: a member who is not a leader, another group's leader, a section outside the assignment, a private pin, an unknown assignment.
        var refusals = new (HttpClient Client, object Body, HttpStatusCode Status, string Message)[]
        {
            (a, Pin("深刻改变了", group, assignment), HttpStatusCode.Forbidden, "只有本组组长"),
            (outsider, Pin("深刻改变了", group, assignment), HttpStatusCode.Forbidden, "不是这个学习小组的成员"),
            (outsider, Pin("深刻改变了", null, assignment), HttpStatusCode.NotFound, "没有找到这个学习任务"),
            (leader, Pin("深刻改变了", group, elsewhere), HttpStatusCode.BadRequest, "不在该学习任务的章节里"),
            (leader, Pin("深刻改变了", null, assignment), HttpStatusCode.BadRequest, "须分享给该学习任务所在的小组"),
            (leader, Pin("深刻改变了", group, 999_999), HttpStatusCode.NotFound, "没有找到这个学习任务"),
        };
        foreach (var (client, body, status, message) in refusals)
        {
            var response = await SendAsync(client, HttpMethod.Post, "/api/highlights", body);
            Assert.Equal(status, response.StatusCode);
            Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var pinned = await SendAsync(leader, HttpMethod.Post, "/api/highlights", Pin("深刻改变了", group, assignment));
        Assert.Equal(HttpStatusCode.Created, pinned.StatusCode);
        var pinId = (await pinned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        // A named note shows its author; a bare mark of one passage by two members is one item counting both.
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(a, HttpMethod.Post, "/api/highlights", new
        {
            sectionKey = p.Key, paragraph = p.Position, start = p.Text.IndexOf("生产和生活方式", StringComparison.Ordinal),
            end = p.Text.IndexOf("生产和生活方式", StringComparison.Ordinal) + 7, exact = "生产和生活方式", color = "green", note = "我的体会", groupId = group, named = true,
        })).StatusCode);
        foreach (var member in new[] { a, b })
            Assert.Equal(HttpStatusCode.Created, (await SendAsync(member, HttpMethod.Post, "/api/highlights", Input(p, "人们的", groupId: group))).StatusCode);

        var seen = await ListAsync(leader, p.Key);
        var pin = seen.Single(h => h.GetProperty("id").GetInt64() == pinId);
        Assert.Equal(("第一周：网络强国", "重点读这一句"), (pin.GetProperty("assignmentTitle").GetString(), pin.GetProperty("note").GetString()));
        Assert.Equal(aUser.DisplayName, seen.Single(h => h.GetProperty("note").GetString() == "我的体会").GetProperty("author").GetString());
        var bare = seen.Where(h => h.GetProperty("exact").GetString() == "人们的").ToArray();
        Assert.Equal(2, bare.Single().GetProperty("count").GetInt32());
        var asMember = await ListAsync(b, p.Key);
        Assert.Equal("第一周：网络强国", asMember.Single(h => h.GetProperty("id").GetInt64() == pinId).GetProperty("assignmentTitle").GetString());
        Assert.Equal(JsonValueKind.Null, asMember.Single(h => h.GetProperty("id").GetInt64() == pinId).GetProperty("author").ValueKind);
        Assert.Equal(2, asMember.Count(h => h.GetProperty("exact").GetString() == "人们的"));   // one's own, and the others' as one
        Assert.Empty(await ListAsync(outsider, p.Key));

        // A member cannot move a leader's pin; the leader unpins by leaving it out; deleting the assignment also unpins.
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(a, HttpMethod.Put, $"/api/highlights/{pinId}", new { note = "改", groupId = group })).StatusCode);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await db.Assignments.Where(x => x.Id == assignment).ExecuteDeleteAsync();
            var kept = await db.Highlights.AsNoTracking().SingleAsync(h => h.Id == pinId);
            Assert.Equal((null, "重点读这一句"), (kept.AssignmentId, kept.Note));
        }
    }

    [Fact]
    public async Task ThePassageMarkedTwice_EvenAtOnce_IsOneHighlight()
    {
        var p = await ParagraphAsync();
        var user = await factory.CreateUserAsync(PortalRoles.Reader);
        var reader = await factory.SignedInClientAsync(user.UserName!);
        var first = await SendAsync(reader, HttpMethod.Post, "/api/highlights", Input(p, "生活方式"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var again = await SendAsync(reader, HttpMethod.Post, "/api/highlights", Input(p, "生活方式", "pink"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64(), (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());

        var racing = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => SendAsync(reader, HttpMethod.Post, "/api/highlights", Input(p, "改变了人们"))));
        Assert.All(racing, r => Assert.True(r.IsSuccessStatusCode));
        var ids = await Task.WhenAll(racing.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64()));
        Assert.Single(ids.Distinct());
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal(1, await db.Highlights.CountAsync(h => h.UserId == user.Id && h.Exact == "改变了人们"));
    }
}

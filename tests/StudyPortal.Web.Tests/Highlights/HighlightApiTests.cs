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
}

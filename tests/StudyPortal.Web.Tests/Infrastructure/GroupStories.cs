using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyPortal.Data;
using StudyPortal.Data.Accounts;

namespace StudyPortal.Web.Tests.Infrastructure;

/// <summary>A leader's group with two members and one assignment, made through the real pages.</summary>
public sealed record GroupStory(HttpClient Leader, int GroupId, PortalUser Member, HttpClient MemberClient, PortalUser Other, HttpClient OtherClient, int AssignmentId, List<string> Keys);

public static class GroupStories
{
    public const string DefaultMessage = "请认真学习，**重点**读第二部分。";

    private static readonly HtmlParser Parser = new();

    public static async Task<T> DbAsync<T>(this PortalFactory factory, Func<PortalDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    /// <summary>A leader creates a group with two members and assigns article 3 of seed 000, due in a week.</summary>
    public static async Task<GroupStory> StoryAsync(this PortalFactory factory, string? message = DefaultMessage, string groupName = "第一党支部")
    {
        var leaderUser = await factory.CreateUserAsync(PortalRoles.Leader);
        var leader = await factory.SignedInClientAsync(leaderUser.UserName!);
        var created = await leader.SubmitFormAsync("/leader/groups", new() { ["Name"] = groupName, ["Description"] = "机关第一党支部" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var groupId = int.Parse(created.Headers.Location!.OriginalString["/leader/groups/".Length..], CultureInfo.InvariantCulture);

        var member = await factory.CreateUserAsync(PortalRoles.Reader);
        var other = await factory.CreateUserAsync(PortalRoles.Reader);
        var url = $"/leader/groups/{groupId}";
        var added = await leader.SubmitFormAsync(url, new() { ["userNames"] = $"{member.UserName}\n{other.UserName}，nobody-here" }, url + "?handler=Add");
        var addedPage = Parser.ParseDocument(await added.Content.ReadAsStringAsync());
        Assert.Contains(addedPage.QuerySelectorAll(".form-ok"), p => p.TextContent.Contains("已添加 2 名成员", StringComparison.Ordinal));
        Assert.Contains(addedPage.QuerySelectorAll(".form-ok"), p => p.TextContent.Contains("nobody-here", StringComparison.Ordinal));

        var documentId = await factory.DocumentIdAsync(Seeded.Booklet);
        var article = await factory.DbAsync(db => db.Articles.Where(a => a.DocumentId == documentId && a.Position == 2).Select(a => new { a.Id, Keys = a.Sections.OrderBy(s => s.Position).Select(s => s.Key).ToList() }).SingleAsync());
        var due = DateTime.UtcNow.AddHours(8).AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var assign = $"/leader/groups/{groupId}/assign";
        var assigned = await leader.SubmitFormAsync($"{assign}?document={documentId}", new()
        {
            ["Document"] = documentId.ToString(CultureInfo.InvariantCulture), ["ArticleIds"] = article.Id.ToString(CultureInfo.InvariantCulture), ["DueDate"] = due, ["Message"] = message ?? "",
        }, assign);
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        var assignmentId = await factory.DbAsync(db => db.Assignments.Where(a => a.GroupId == groupId).Select(a => a.Id).SingleAsync());
        return new GroupStory(leader, groupId, member, await factory.SignedInClientAsync(member.UserName!), other, await factory.SignedInClientAsync(other.UserName!), assignmentId, article.Keys);
    }
}

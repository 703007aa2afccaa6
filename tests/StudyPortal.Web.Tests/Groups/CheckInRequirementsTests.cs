using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Groups;

/// <summary>What a check-in needs (a minimum reflection length, marked passages from the assigned text), and near-copies marked for the leader.</summary>
[Collection(SecuredPortalCollection.Name)]
public sealed class CheckInRequirementsTests(SecuredPortalFactory factory)
{
    private async Task<long> HighlightAsync(HttpClient client, string key, string? note = null)
    {
        var paragraph = await factory.DbAsync(db => db.Paragraphs.Where(p => p.Section!.Key == key && p.Text.Length > 12).OrderBy(p => p.Position).Select(p => new { p.Position, p.Text }).FirstAsync());
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/highlights", UriKind.Relative))
        {
            Content = JsonContent.Create(new { sectionKey = key, paragraph = paragraph.Position, start = 2, end = 10, exact = paragraph.Text[2..10], color = "yellow", note }),
        };
        request.Headers.Add("RequestVerificationToken", await client.FormTokenAsync());
        var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private static async Task<HttpResponseMessage> CheckInAsync(HttpClient client, int assignmentId, string reflection, params long[] passages)
    {
        var url = $"/study/{assignmentId}";
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", await Accounts.TokenAsync(client, url)), new("reflection", reflection) };
        fields.AddRange(passages.Select(p => new KeyValuePair<string, string>("passages", p.ToString(CultureInfo.InvariantCulture))));
        return await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task TheLeaderSetsWhatACheckInNeeds_BadSettingsAndShortOrForeignCheckInsAreRefused_NearCopiesAreMarkedForTheLeaderOnly()
    {
        var s = await factory.StoryAsync(groupName: "打卡要求小组");
        var documentId = await factory.DocumentIdAsync(Seeded.Booklet);
        var articleId = await factory.DbAsync(db => db.Articles.Where(a => a.DocumentId == documentId && a.Position == 2).Select(a => a.Id).SingleAsync());
        var assign = $"/leader/groups/{s.GroupId}/assign";
        Dictionary<string, string> Form(string minimum, string passages) => new()
        {
            ["Document"] = documentId.ToString(CultureInfo.InvariantCulture), ["ArticleIds"] = articleId.ToString(CultureInfo.InvariantCulture), ["Title"] = "有要求的任务",
            ["DueDate"] = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["MinimumReflectionLength"] = minimum, ["RequiredPassages"] = passages,
        };
        foreach (var (minimum, passages, message) in new[] { ("5000", "1", "心得最少字数须在 0 到 4000 之间"), ("-1", "0", "心得最少字数须在 0 到 4000 之间"), ("100", "11", "须在 0 到 10 处之间") })
        {
            var refused = await s.Leader.SubmitFormAsync($"{assign}?document={documentId}", Form(minimum, passages), assign);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(message, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(1, await factory.DbAsync(db => db.Assignments.CountAsync(a => a.GroupId == s.GroupId)));
        Assert.Equal(HttpStatusCode.Redirect, (await s.Leader.SubmitFormAsync($"{assign}?document={documentId}", Form("100", "1"), assign)).StatusCode);
        var assignmentId = await factory.DbAsync(db => db.Assignments.Where(a => a.GroupId == s.GroupId && a.Title == "有要求的任务").Select(a => a.Id).SingleAsync());
        // The rules can be changed on the assignment's page, within the same bounds.
        var edit = $"/leader/assignments/{assignmentId}";
        var due = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var tooHigh = await s.Leader.SubmitFormAsync(edit, new() { ["title"] = "有要求的任务", ["dueDate"] = due, ["minimumReflectionLength"] = "4001", ["requiredPassages"] = "1" }, edit + "?handler=Save");
        Assert.Equal(HttpStatusCode.BadRequest, tooHigh.StatusCode);
        Assert.Contains("心得最少字数须在 0 到 4000 之间", await tooHigh.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await s.Leader.SubmitFormAsync(edit, new() { ["title"] = "有要求的任务", ["dueDate"] = due, ["minimumReflectionLength"] = "100", ["requiredPassages"] = "1" }, edit + "?handler=Save")).StatusCode);
        var rules = await factory.DbAsync(db => db.Assignments.Where(a => a.Id == assignmentId).Select(a => new { a.MinimumReflectionLength, a.RequiredPassages }).SingleAsync());
        Assert.Equal((100, 1), (rules.MinimumReflectionLength, rules.RequiredPassages));

        await s.MemberClient.ReadToTheEndAsync(s.Keys);
        await s.OtherClient.ReadToTheEndAsync(s.Keys);
        var mine = await HighlightAsync(s.MemberClient, s.Keys[0], "这一句要记住");
        var elsewhere = await HighlightAsync(s.MemberClient, await factory.SectionKeyAsync(Seeded.Quotations, "把握时代大势"));
        var othersMark = await HighlightAsync(s.OtherClient, s.Keys[0]);
        var (_, page) = await HtmlPage.GetAsync(s.MemberClient, $"/study/{assignmentId}");
        Assert.Contains("心得不少于 100 字", page.QuerySelector(".check-in-rules")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([mine.ToString(CultureInfo.InvariantCulture)], page.QuerySelectorAll("input[name=passages]").Select(i => i.GetAttribute("value")!).ToArray());

        var reflection = "通过学习，我深刻认识到网信事业发展必须贯彻以人民为中心的发展思想，把增进人民福祉作为信息化发展的出发点和落脚点。" +
            "作为机关干部，要在本职工作中运用好互联网，让群众少跑腿、数据多跑路，用实实在在的成效回应群众期盼。";
        Assert.True(reflection.Length >= 100);
        var refusals = new (string Reflection, long[] Passages, string Message)[]
        {
            ("学习了，很有收获。", [mine], "学习心得不少于 100 字，现在是 9 字"),
            (reflection, [], "请至少附上 1 处原文标注"),
            (reflection, [othersMark], "只能附上自己在本任务章节中的标注"),
            (reflection, [elsewhere], "只能附上自己在本任务章节中的标注"),
            (reflection, [999_999_999], "只能附上自己在本任务章节中的标注"),
        };
        foreach (var (text, passages, message) in refusals)
        {
            var refused = await CheckInAsync(s.MemberClient, assignmentId, text, passages);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(message, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.False(await factory.DbAsync(db => db.CheckIns.AnyAsync(c => c.AssignmentId == assignmentId)));

        Assert.Equal(HttpStatusCode.Redirect, (await CheckInAsync(s.MemberClient, assignmentId, reflection, mine)).StatusCode);
        var stored = await factory.DbAsync(db => db.CheckInPassages.Where(p => p.HighlightId == mine).SingleAsync());
        Assert.Equal((s.Keys[0], "这一句要记住"), (stored.SectionKey, stored.Note));
        var (_, done) = await HtmlPage.GetAsync(s.MemberClient, $"/study/{assignmentId}");
        Assert.Equal($"/read/{s.Keys[0]}#p-{stored.Paragraph}", done.QuerySelector(".passages blockquote a")!.GetAttribute("href"));

        // The other member hands in the same reflection with a few words and marks changed.
        var copied = reflection.Replace("通过学习，", "通过这次学习。", StringComparison.Ordinal).Replace("作为机关干部", "我作为一名机关干部", StringComparison.Ordinal);
        var othersOwn = await HighlightAsync(s.OtherClient, s.Keys[^1]);
        Assert.Equal(HttpStatusCode.Redirect, (await CheckInAsync(s.OtherClient, assignmentId, copied, othersOwn)).StatusCode);
        var (_, progress) = await HtmlPage.GetAsync(s.Leader, $"/leader/groups/{s.GroupId}/progress");
        var marked = progress.QuerySelectorAll("article.reflection .near-copy");
        Assert.Equal(2, marked.Length);
        Assert.Contains(s.Other.DisplayName!, marked[0].TextContent + marked[1].TextContent, StringComparison.Ordinal);
        Assert.Contains(progress.QuerySelectorAll("article.reflection .passages a"), a => a.GetAttribute("href") == $"/read/{s.Keys[0]}#p-{stored.Paragraph}");
        foreach (var member in new[] { s.MemberClient, s.OtherClient })
            Assert.Empty((await HtmlPage.GetAsync(member, $"/study/{assignmentId}")).Document.QuerySelectorAll(".near-copy"));

        // Deleting the highlight keeps what the check-in attached.
        using (var request = new HttpRequestMessage(HttpMethod.Delete, new Uri($"/api/highlights/{mine}", UriKind.Relative)))
        {
            request.Headers.Add("RequestVerificationToken", await s.MemberClient.FormTokenAsync());
            Assert.Equal(HttpStatusCode.NoContent, (await s.MemberClient.SendAsync(request)).StatusCode);
        }
        Assert.Equal("这一句要记住", await factory.DbAsync(db => db.CheckInPassages.Where(p => p.Id == stored.Id).Select(p => p.Note).SingleAsync()));
    }
}

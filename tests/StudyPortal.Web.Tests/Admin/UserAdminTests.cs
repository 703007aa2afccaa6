using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyPortal.Data;
using StudyPortal.Data.Accounts;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Admin;

[Collection(SecuredPortalCollection.Name)]
public sealed class UserAdminTests(SecuredPortalFactory factory)
{
    private async Task<T> WithUsersAsync<T>(Func<UserManager<PortalUser>, Task<T>> action)
    {
        using var scope = factory.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>());
    }

    [Fact]
    public async Task Reader_AndLeader_GetForbidden_OnAdminPages()
    {
        foreach (var role in new[] { PortalRoles.Reader, PortalRoles.Leader })
        {
            var client = await factory.SignedInAsync(role);
            var response = await client.GetAsync(new Uri("/admin/users", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("没有权限", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Admin_CreatesAUser_WithAGeneratedPassword_ThatSignsIn_AndIsAudited()
    {
        var admin = await factory.AdminClientAsync();
        var name = "new" + Guid.NewGuid().ToString("N")[..8];
        var response = await admin.SubmitFormAsync("/admin/users/new", new() { ["Form.UserName"] = name, ["Form.DisplayName"] = "王芳", ["Form.Roles"] = PortalRoles.Leader });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var password = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector("code.password")!.TextContent;
        await factory.SignedInClientAsync(name, password);
        Assert.True(await WithUsersAsync(async users => await users.IsInRoleAsync((await users.FindByNameAsync(name))!, PortalRoles.Leader)));

        var duplicate = await admin.SubmitFormAsync("/admin/users/new", new() { ["Form.UserName"] = name, ["Form.DisplayName"] = "王芳", ["Form.Roles"] = PortalRoles.Reader });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("已被使用", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var (_, audit) = await HtmlPage.GetAsync(admin, "/admin/audit");
        Assert.Contains(audit.Texts("td"), t => t.Contains(name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_FindsByDisplayName()
    {
        var user = await factory.CreateUserAsync(PortalRoles.Reader);
        var (_, page) = await HtmlPage.GetAsync(await factory.AdminClientAsync(), "/admin/users?q=" + Uri.EscapeDataString(user.DisplayName));
        Assert.Contains(user.UserName!, page.Texts("td a"));
    }

    [Fact]
    public async Task Disable_StopsSignIn_Enable_AllowsIt_AndRolesChange()
    {
        var user = await factory.CreateUserAsync(PortalRoles.Reader);
        var admin = await factory.AdminClientAsync();
        var url = "/admin/users/" + user.Id;
        Assert.Equal(HttpStatusCode.OK, (await admin.SubmitFormAsync(url, [], url + "?handler=Disable")).StatusCode);
        var client = factory.CreateRawClient();
        var refused = await client.SubmitFormAsync("/account/signin", new() { ["Form.UserName"] = user.UserName!, ["Form.Password"] = Accounts.Password });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("已停用", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await admin.SubmitFormAsync(url, [], url + "?handler=Enable");
        await factory.SignedInClientAsync(user.UserName!);

        var saved = await admin.SubmitFormAsync(url, new() { ["Form.DisplayName"] = "赵强", ["Form.Roles"] = PortalRoles.Leader }, url + "?handler=Save");
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var roles = await WithUsersAsync(async users => await users.GetRolesAsync((await users.FindByIdAsync(user.Id))!));
        Assert.Equal([PortalRoles.Leader], roles);
    }

    [Fact]
    public async Task ResetPassword_ShowsANewOne_ThatWorks()
    {
        var user = await factory.CreateUserAsync(PortalRoles.Reader);
        var admin = await factory.AdminClientAsync();
        var url = "/admin/users/" + user.Id;
        var response = await admin.SubmitFormAsync(url, [], url + "?handler=ResetPassword");
        var password = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelector("code.password")!.TextContent;
        await factory.SignedInClientAsync(user.UserName!, password);
    }

    [Fact]
    public async Task UnknownUserId_Is404()
    {
        var response = await (await factory.AdminClientAsync()).GetAsync(new Uri("/admin/users/not-a-user", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task CsvImport_CreatesGoodRows_AndSaysWhyOthersWereRefused_EvenInGb18030()
    {
        var prefix = "c" + Guid.NewGuid().ToString("N")[..6];
        var existing = await factory.CreateUserAsync(PortalRoles.Reader);
        var csv = $"""
            用户名,姓名,电子邮箱,角色,小组
            {prefix}a,张伟,{prefix}a@example.cn,读者,第一党支部
            {prefix}b,李娜,,组长,
            ,无名,,读者,
            {prefix}c,,,读者,
            {prefix}d,刘洋,,书记,
            {existing.UserName},重复,,读者,
            {prefix}a,张伟二,,读者,
            """;
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var admin = await factory.AdminClientAsync();
        var token = await Accounts.TokenAsync(admin, "/admin/users/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.GetEncoding("GB18030").GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "users.csv");
        var response = await admin.PostAsync(new Uri("/admin/users/import", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var created = page.QuerySelectorAll("tr.created").Select(r => r.Children[1].TextContent).ToList();
        var refused = page.QuerySelectorAll("tr.refused").Select(r => r.Children[4].TextContent).ToList();
        Assert.Equal([prefix + "a", prefix + "b"], created);
        Assert.Equal(5, refused.Count);
        Assert.Contains(refused, r => r.Contains("缺少用户名", StringComparison.Ordinal));
        Assert.Contains(refused, r => r.Contains("缺少姓名", StringComparison.Ordinal));
        Assert.Contains(refused, r => r.Contains("未知角色", StringComparison.Ordinal));
        Assert.Contains(refused, r => r.Contains("已被使用", StringComparison.Ordinal));
        Assert.Contains(refused, r => r.Contains("重复", StringComparison.Ordinal));

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal("李娜", (await db.Users.SingleAsync(u => u.UserName == prefix + "b")).DisplayName);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Assert.True(await users.IsInRoleAsync((await users.FindByNameAsync(prefix + "b"))!, PortalRoles.Leader));
        // The group column: 第一党支部 is created with 张伟 as a member.
        var group = await db.StudyGroups.Include(g => g.Members).ThenInclude(m => m.User).SingleAsync(g => g.Name == "第一党支部" && g.Members.Any(m => m.User!.UserName == prefix + "a"));
        Assert.False(group.Members.Single(m => m.User!.UserName == prefix + "a").IsLeader);
    }
}

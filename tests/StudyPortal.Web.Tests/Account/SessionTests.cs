using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using StudyPortal.Data.Accounts;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Account;

/// <summary>Issue 12, items 10 and 11: sessions end on the server, and a password an admin saw must be changed.</summary>
[Collection(SecuredPortalCollection.Name)]
public sealed class SessionTests(SecuredPortalFactory factory)
{
    /// <summary>Signs in through the form and returns the client and the raw sign-in cookie it got.</summary>
    private async Task<(HttpClient Client, string Cookie)> SignInAsync(string userName, string password = Accounts.Password)
    {
        var client = factory.CreateRawClient();
        var response = await client.SubmitFormAsync("/account/signin", new() { ["Form.UserName"] = userName, ["Form.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("studyportal.auth=", StringComparison.Ordinal));
        return (client, cookie[..cookie.IndexOf(';', StringComparison.Ordinal)]);
    }

    /// <summary>A second browser that only has a copy of the cookie.</summary>
    private async Task<HttpStatusCode> WithCopiedCookieAsync(string cookie, string url = "/study")
    {
        using var copy = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return (await copy.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task SignOut_EndsTheSession_ACopiedCookieNoLongerWorks()
    {
        var user = await factory.CreateUserAsync(PortalRoles.Reader);
        var (client, cookie) = await SignInAsync(user.UserName!);
        Assert.Equal(HttpStatusCode.OK, await WithCopiedCookieAsync(cookie));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync("/account/password", [], "/account/signout")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await WithCopiedCookieAsync(cookie));
    }

    [Fact]
    public async Task DisablingTheAccount_EndsItsSessionsAtOnce()
    {
        var user = await factory.CreateUserAsync(PortalRoles.Reader);
        var (_, cookie) = await SignInAsync(user.UserName!);
        var admin = await factory.AdminClientAsync();
        var url = $"/admin/users/{user.Id}";
        Assert.Equal(HttpStatusCode.OK, (await admin.SubmitFormAsync(url, [], url + "?handler=Disable")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await WithCopiedCookieAsync(cookie));
    }

    [Fact]
    public async Task SessionsPage_ListsEachBrowser_AndSignOutEverywhereEndsThemAll()
    {
        var user = await factory.CreateUserAsync(PortalRoles.Reader);
        var (laptop, laptopCookie) = await SignInAsync(user.UserName!);
        var (_, phoneCookie) = await SignInAsync(user.UserName!);
        var (_, page) = await HtmlPage.GetAsync(laptop, "/account/sessions");
        Assert.Equal(2, page.QuerySelectorAll(".session-list li").Length);
        Assert.Single(page.QuerySelectorAll(".session-list li.current"));

        Assert.Equal(HttpStatusCode.Redirect, (await laptop.SubmitFormAsync("/account/sessions", [], "/account/sessions?handler=EndAll")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await WithCopiedCookieAsync(phoneCookie));
        Assert.Equal(HttpStatusCode.Redirect, await WithCopiedCookieAsync(laptopCookie));
    }

    [Fact]
    public async Task GeneratedPassword_MustBeChangedBeforeAnythingElse()
    {
        var admin = await factory.AdminClientAsync();
        var name = "new" + Guid.NewGuid().ToString("N")[..8];
        var created = await admin.SubmitFormAsync("/admin/users/new", new() { ["Form.UserName"] = name, ["Form.DisplayName"] = "新同志", ["Form.Roles"] = PortalRoles.Reader });
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await created.Content.ReadAsStringAsync());
        var password = page.QuerySelector("code.password")!.TextContent.Trim();
        Assert.Equal("", page.QuerySelector("input[name='Form.UserName']")!.GetAttribute("value") ?? ""); // the form starts empty again

        var (client, _) = await SignInAsync(name, password);
        var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/account/password", home.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/study", UriKind.Relative))).StatusCode);
        var (_, form) = await HtmlPage.GetAsync(client, "/account/password");
        Assert.Contains("管理员生成或重置", form.QuerySelector(".form-error")!.TextContent, StringComparison.Ordinal);

        var changed = await client.SubmitFormAsync("/account/password", new() { ["Form.Current"] = password, ["Form.New"] = "My-own-pass-42", ["Form.Confirm"] = "My-own-pass-42" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
    }
}

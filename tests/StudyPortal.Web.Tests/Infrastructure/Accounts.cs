using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using StudyPortal.Data.Accounts;

namespace StudyPortal.Web.Tests.Infrastructure;

/// <summary>Real accounts for the tests: created through Identity's UserManager, signed in through the sign-in form.</summary>
public static class Accounts
{
    public const string Password = "Study-pass-2026";

    /// <summary>A new user with a unique name and the given roles.</summary>
    public static async Task<PortalUser> CreateUserAsync(this PortalFactory factory, params string[] roles)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var name = "u" + Guid.NewGuid().ToString("N")[..10];
        var user = new PortalUser { UserName = name, DisplayName = "测试用户" + name[1..4], Email = name + "@example.cn", CreatedAtUtc = DateTime.UtcNow };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        if (roles.Length > 0) Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
        return user;
    }

    /// <summary>A client without automatic redirects, so tests see the 302s.</summary>
    public static HttpClient CreateRawClient(this PortalFactory factory) => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A client signed in as the given user through the real sign-in form.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this PortalFactory factory, string userName, string password = Password, TimeSpan? timeout = null)
    {
        var client = factory.CreateRawClient();
        if (timeout is { } wait) client.Timeout = wait;
        var response = await client.SubmitFormAsync("/account/signin", new() { ["Form.UserName"] = userName, ["Form.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<HttpClient> SignedInAsync(this PortalFactory factory, params string[] roles) =>
        await factory.SignedInClientAsync((await factory.CreateUserAsync(roles)).UserName!);

    public static Task<HttpClient> AdminClientAsync(this PortalFactory factory) => factory.SignedInClientAsync(PortalFactory.AdminUserName, PortalFactory.AdminPassword);

    /// <summary>GETs the page, takes its form token, and POSTs the fields as the browser would.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string url, Dictionary<string, string> fields, string? postUrl = null)
    {
        var token = await TokenAsync(client, url);
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(new Uri(postUrl ?? url, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    public static async Task<string> TokenAsync(HttpClient client, string url)
    {
        var (response, document) = await HtmlPage.GetAsync(client, url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode}");
        var input = document.QuerySelector("input[name=__RequestVerificationToken]");
        Assert.NotNull(input);
        return input.GetAttribute("value")!;
    }

    /// <summary>The form token a page's script gets from /api/me.</summary>
    public static async Task<string> FormTokenAsync(this HttpClient client)
    {
        using var me = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/me", UriKind.Relative)));
        var token = me.RootElement.GetProperty("token").GetString();
        Assert.False(string.IsNullOrEmpty(token));
        return token;
    }

    /// <summary>POSTs the fields with a valid form token but without the page's form: what a script, or a hand-made request for a form the page does not offer, sends.</summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(this HttpClient client, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await client.FormTokenAsync();
        return await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields));
    }
}

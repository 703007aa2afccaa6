using System.Net;
using StudyPortal.Data.Accounts;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Operations;

[Collection(SecuredPortalCollection.Name)]
public sealed class SecurityHeaderTests(SecuredPortalFactory factory)
{
    [Theory]
    [InlineData("/account/signin")]
    [InlineData("/")]
    [InlineData("/css/site.css")]
    [InlineData("/no-such-page")]
    [InlineData("/healthz")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string url)
    {
        var response = await factory.CreateRawClient().GetAsync(new Uri(url, UriKind.Relative));
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Pages_HaveNoInlineScript_SoThePolicyBreaksNothing()
    {
        var admin = await factory.AdminClientAsync();
        foreach (var url in new[] { "/", "/search?q=网络", "/admin/upload", "/admin/users", "/leader/groups", "/study", "/account/password" })
        {
            var (_, page) = await HtmlPage.GetAsync(admin, url);
            Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), $"inline script on {url}"));
            Assert.Empty(page.QuerySelectorAll("[style], [onclick], [onchange], [onload], [onsubmit]"));
        }
    }

    [Fact]
    public async Task Readiness_ChecksTheDatabase()
    {
        var client = factory.CreateRawClient();
        Assert.Equal("Healthy", await client.GetStringAsync(new Uri("/healthz/ready", UriKind.Relative)));
        Assert.Equal("Healthy", await client.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
    }
}

/// <summary>A portal with low limits: three sign-in attempts and five searches a minute.</summary>
public sealed class LowLimitPortalFactory : SecuredPortalFactory
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Portal:RateLimits:SignInPerMinute"] = "3";
            settings["Portal:RateLimits:SearchPerMinute"] = "5";
            return settings;
        }
    }
}

public sealed class RateLimitTests(LowLimitPortalFactory factory) : IClassFixture<LowLimitPortalFactory>
{
    [Fact]
    public async Task SignInAttempts_AreLimited_WithAFriendly429()
    {
        var client = factory.CreateRawClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await client.SubmitFormAsync("/account/signin", new() { ["Form.UserName"] = "nobody", ["Form.Password"] = "wrong-pass-1" })).StatusCode);
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        var limited = await client.SubmitFormAsync("/account/signin", new() { ["Form.UserName"] = "nobody", ["Form.Password"] = "wrong-pass-1" });
        Assert.Contains("请求过于频繁", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Reading the sign-in page is not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/account/signin", UriKind.Relative))).StatusCode);
    }
}

/// <summary>A factory of its own: the sign-in test above uses up the one address every test client shares.</summary>
public sealed class SearchRateLimitTests(LowLimitPortalFactory factory) : IClassFixture<LowLimitPortalFactory>
{
    [Fact]
    public async Task Searches_AreLimitedPerUser()
    {
        var user = await factory.CreateUserAsync(PortalRoles.Reader);
        var signedIn = await factory.SignedInClientAsync(user.UserName!);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++) statuses.Add((await signedIn.GetAsync(new Uri("/api/search?q=网络", UriKind.Relative))).StatusCode);
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }
}

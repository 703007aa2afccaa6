using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using StudyPortal.Data.Accounts;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Account;

[Collection(SecuredPortalCollection.Name)]
public sealed class SignInTests(SecuredPortalFactory factory)
{
    [Fact]
    public async Task Anonymous_IsSentToSignIn_ByDefault()
    {
        var response = await factory.CreateRawClient().GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateRawClient().GetAsync(new Uri("/api/search?q=网络", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task SignIn_ByUserNameOrEmail_ShowsTheDisplayName()
    {
        var user = await factory.CreateUserAsync(PortalRoles.Reader);
        foreach (var name in new[] { user.UserName!, user.Email! })
        {
            var client = await factory.SignedInClientAsync(name);
            var (response, page) = await HtmlPage.GetAsync(client, "/");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(user.DisplayName, page.QuerySelector(".user-name")!.TextContent.Trim());
            Assert.Null(page.QuerySelector("a[href='/admin/documents']"));
        }
    }

    [Fact]
    public async Task WrongPassword_IsRefused_AndFiveFailuresLockTheAccount()
    {
        var user = await factory.CreateUserAsync(PortalRoles.Reader);
        var client = factory.CreateRawClient();
        for (var i = 0; i < 5; i++)
        {
            var failed = await client.SubmitFormAsync("/account/signin", new() { ["Form.UserName"] = user.UserName!, ["Form.Password"] = "wrong-password-1" });
            Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        }
        var locked = await client.SubmitFormAsync("/account/signin", new() { ["Form.UserName"] = user.UserName!, ["Form.Password"] = Accounts.Password });
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Contains("锁定", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithoutTheFormToken_IsRefused_AndSignsNobodyIn()
    {
        var user = await factory.CreateUserAsync(PortalRoles.Reader);
        var client = factory.CreateRawClient();
        var response = await client.PostAsync(new Uri("/account/signin", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.UserName"] = user.UserName!, ["Form.Password"] = Accounts.Password }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("studyportal.auth", StringComparison.Ordinal)));

        var signedIn = await factory.SignedInClientAsync(user.UserName!);
        var signOut = await signedIn.PostAsync(new Uri("/account/signout", UriKind.Relative), new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task AuthCookie_IsHttpOnly_AndSameSite()
    {
        var user = await factory.CreateUserAsync(PortalRoles.Reader);
        var client = factory.CreateRawClient();
        var response = await client.SubmitFormAsync("/account/signin", new() { ["Form.UserName"] = user.UserName!, ["Form.Password"] = Accounts.Password });
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("studyportal.auth", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var client = await factory.SignedInAsync(PortalRoles.Reader);
        var response = await client.SubmitFormAsync("/account/signout", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_NeedsTheCurrentOne_AndThenTheNewOneWorks()
    {
        var user = await factory.CreateUserAsync(PortalRoles.Reader);
        var client = await factory.SignedInClientAsync(user.UserName!);
        var wrong = await client.SubmitFormAsync("/account/password", new() { ["Form.Current"] = "not-it-123", ["Form.New"] = "New-pass-2027", ["Form.Confirm"] = "New-pass-2027" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var weak = await client.SubmitFormAsync("/account/password", new() { ["Form.Current"] = Accounts.Password, ["Form.New"] = "short", ["Form.Confirm"] = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("至少需要8位", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var ok = await client.SubmitFormAsync("/account/password", new() { ["Form.Current"] = Accounts.Password, ["Form.New"] = "New-pass-2027", ["Form.Confirm"] = "New-pass-2027" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        await factory.SignedInClientAsync(user.UserName!, "New-pass-2027");
    }

    [Fact]
    public async Task FirstAdmin_ComesFromConfiguration()
    {
        var admin = await factory.AdminClientAsync();
        var (response, page) = await HtmlPage.GetAsync(admin, "/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("a[href='/admin/documents']"));
    }
}

/// <summary>Without a configured password, the first admin gets a generated one (written once to the log).</summary>
public sealed class GeneratedAdminTests
{
    private sealed class NoPasswordFactory : SecuredPortalFactory
    {
        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var settings = base.Settings;
                settings.Remove("Portal:Admin:Password");
                settings["Portal:Admin:UserName"] = "chief";
                settings["Portal:SeedDirectory"] = "";
                return settings;
            }
        }
    }

    [Fact]
    public async Task AnAdminWithAGeneratedPasswordExists()
    {
        await using var factory = new NoPasswordFactory();
        _ = factory.Server;
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var chief = await users.FindByNameAsync("chief");
        Assert.NotNull(chief);
        Assert.True(await users.IsInRoleAsync(chief, PortalRoles.Admin));
        Assert.True(await users.HasPasswordAsync(chief));
        Assert.False(await users.CheckPasswordAsync(chief, PortalFactory.AdminPassword));
    }
}

/// <summary>Outside Development the cookies are Secure: the browser sends them over HTTPS only.</summary>
public sealed class ProductionCookieTests
{
    private sealed class ProductionFactory : SecuredPortalFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions.UseEnvironment(builder, "Production");
        }
    }

    [Fact]
    public async Task SignInAndFormCookies_AreSecure_InProduction()
    {
        await using var factory = new ProductionFactory();
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://study.example.cn") });
        var response = await client.SubmitFormAsync("/account/signin", new() { ["Form.UserName"] = PortalFactory.AdminUserName, ["Form.Password"] = PortalFactory.AdminPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        var auth = cookies.Single(c => c.StartsWith("studyportal.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        var (page, _) = await HtmlPage.GetAsync(factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://study.example.cn") }), "/account/signin");
        Assert.Contains(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("studyportal.af=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.True(page.Headers.Contains("Strict-Transport-Security")); // HSTS leaves localhost out, so the test uses a real-looking host
    }

    [Fact]
    public async Task ProductionOverPlainHttp_PagesWork_AndSignInSaysWhatToConfigure()
    {
        await using var factory = new ProductionFactory();
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://study.example.cn") });
        var (response, page) = await HtmlPage.GetAsync(client, "/account/signin");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Portal:Access:SecureCookies=false", page.QuerySelector(".plain-http")!.TextContent, StringComparison.Ordinal);
        var signIn = await client.SubmitFormAsync("/account/signin", new() { ["Form.UserName"] = PortalFactory.AdminUserName, ["Form.Password"] = PortalFactory.AdminPassword });
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        // The error page renders too (it carries the header's forms).
        var (notFound, error) = await HtmlPage.GetAsync(client, "/Error/404");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.NotNull(error.QuerySelector(".error-page h1"));
    }
}

using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyPortal.Data;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Operations;

/// <summary>The real server (Kestrel on loopback), so its own limits on request lines and bodies apply.</summary>
public sealed class KestrelPortalFactory : SecuredPortalFactory
{
    public Uri BaseAddress { get; }

    public KestrelPortalFactory()
    {
        UseKestrel(0);
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => a.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal)).First());
    }
}

/// <summary>
/// A corpus of hostile requests against every endpoint of the app, as a signed-in admin (so the other defences are
/// what is tested): no form token, a forged one, an oversized body, path traversal in every route value, an
/// overlong query string, invalid UTF-8 in a form. Each gets a 4xx; no table changes.
/// </summary>
public sealed class HostileRequestTests(KestrelPortalFactory factory) : IClassFixture<KestrelPortalFactory>
{
    private async Task<HttpClient> AdminAsync()
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true }) { BaseAddress = factory.BaseAddress };
        var response = await client.SubmitFormAsync("/account/signin", new() { ["Form.UserName"] = PortalFactory.AdminUserName, ["Form.Password"] = PortalFactory.AdminPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private async Task<string> SnapshotAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return string.Join(",", await db.Documents.CountAsync(), await db.Sections.CountAsync(), await db.Paragraphs.CountAsync(), await db.Users.CountAsync(),
            await db.StudyGroups.CountAsync(), await db.Assignments.CountAsync(), await db.CheckIns.CountAsync(), await db.UploadDrafts.CountAsync(),
            await db.ReadingProgress.CountAsync(), await db.AuditEntries.CountAsync(), await db.Documents.SumAsync(d => d.CharCount));
    }

    private IReadOnlyList<string> Patterns() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).Distinct().ToList();

    private static string Fill(string pattern, string value) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{[^}]+\}", value);

    [Fact]
    public async Task HostileRequests_AgainstEveryEndpoint_Get4xx_AndChangeNothing()
    {
        var admin = await AdminAsync();
        var before = await SnapshotAsync();
        var failures = new List<string>();
        async Task Expect4xx(string what, Func<Task<HttpResponseMessage>> send)
        {
            var response = await send();
            var code = (int)response.StatusCode;
            if (code is < 400 or >= 500) failures.Add($"{what}: {code}");
        }

        var fields = new Dictionary<string, string> { ["Form.UserName"] = "x", ["Form.Title"] = "x", ["Name"] = "x", ["reflection"] = "x", ["userNames"] = "admin", ["comment"] = "x" };
        foreach (var pattern in Patterns())
        {
            var url = Fill(pattern, "1");
            if (url.StartsWith("/healthz", StringComparison.Ordinal) || url.StartsWith("/api/", StringComparison.Ordinal)) continue; // GET-only endpoints: a POST is 405, checked below
            await Expect4xx($"POST {url} without a form token", () => admin.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields)));
            await Expect4xx($"POST {url} with a forged token", () => admin.PostAsync(new Uri(url, UriKind.Relative),
                new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = "CfDJ8forged" + new string('A', 100) })));
            foreach (var handler in new[] { "Disable", "Confirm", "Withdraw", "Reimport", "Comment", "Add", "Remove" })
                await Expect4xx($"POST {url}?handler={handler} without a form token", () => admin.PostAsync(new Uri($"{url}?handler={handler}", UriKind.Relative), new FormUrlEncodedContent(fields)));
            if (pattern.Contains('{', StringComparison.Ordinal))
                foreach (var traversal in new[] { "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fappsettings.json", "..\\..\\data\\studyportal.db", "%00" })
                    await Expect4xx($"GET {Fill(pattern, traversal)}", () => admin.GetAsync(new Uri(Fill(pattern, traversal), UriKind.Relative)));
            await Expect4xx($"GET {url} with a 40 KB query", () => admin.GetAsync(new Uri(url + "?q=" + new string('网', 40_000), UriKind.Relative)));
        }
        await Expect4xx("POST /api/search", () => admin.PostAsync(new Uri("/api/search", UriKind.Relative), new StringContent("{}")));
        await Expect4xx("GET original with a path for an id", () => admin.GetAsync(new Uri("/admin/documents?handler=Original&id=../../data/studyportal.db", UriKind.Relative)));
        await Expect4xx("GET a static file by traversal", () => admin.GetAsync(new Uri("/css/..%2F..%2Fappsettings.json", UriKind.Relative)));

        // An oversized body: beyond the server's limit for ordinary forms.
        var big = new ByteArrayContent(new byte[40 * 1024 * 1024]);
        big.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        // Expect: 100-continue lets the server refuse before the body is sent, so the client can read the answer.
        await Expect4xx("POST /account/password with 40 MB", () => admin.SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri("/account/password", UriKind.Relative))
        {
            Content = big, Headers = { ExpectContinue = true },
        }));

        // Invalid UTF-8 in a form, with a valid token: refused as a failed sign-in, nothing changes.
        var token = await Accounts.TokenAsync(admin, "/account/password");
        var invalid = new ByteArrayContent([.. Encoding.ASCII.GetBytes($"__RequestVerificationToken={Uri.EscapeDataString(token)}&Form.Current=%FF%FE%FD&Form.New="), 0xC3, 0x28, .. Encoding.ASCII.GetBytes("&Form.Confirm=%C3%28")]);
        invalid.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        await Expect4xx("POST /account/password with invalid UTF-8", () => admin.PostAsync(new Uri("/account/password", UriKind.Relative), invalid));

        Assert.Empty(failures);
        Assert.Equal(before, await SnapshotAsync());
        // The admin's password still works: nothing was changed by the corpus.
        await AdminAsync();
    }
}

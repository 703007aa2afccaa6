using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Operations;

/// <summary>A second web node on the first one's database (the database is not its to delete).</summary>
public sealed class SecondNodeFactory(PortalFactory first) : SecuredPortalFactory(first);

public sealed class TwoNodeTests
{
    [Fact]
    public async Task ASignInOnOneNode_IsValidOnAnother_SharingTheDatabase()
    {
        await using var first = new SecuredPortalFactory();
        await using var second = new SecondNodeFactory(first);
        var user = await first.CreateUserAsync(StudyPortal.Data.Accounts.PortalRoles.Reader);

        // The sign-in cookie issued by node one, presented to node two.
        var login = first.CreateRawClient();
        var posted = await login.SubmitFormAsync("/account/signin", new() { ["Form.UserName"] = user.UserName!, ["Form.Password"] = Accounts.Password });
        var cookie = posted.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("studyportal.auth=", StringComparison.Ordinal)).Split(';')[0];

        var other = second.CreateRawClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        var onSecond = await other.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, onSecond.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await onSecond.Content.ReadAsStringAsync());
        Assert.Equal(user.DisplayName, page.QuerySelector(".user-name")!.TextContent.Trim());

        // The key that protects the cookie is the one in the shared database, not a file on the machine.
        using var scope = second.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<StudyPortal.Data.PortalDbContext>();
        Assert.True(db.DataProtectionKeys.Any());
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task ADocumentDeletedOnOneNode_LeavesTheOtherNodesCaches_WithinSeconds()
    {
        await using var first = new SecuredPortalFactory();
        await using var second = new SecondNodeFactory(first);
        var key = await first.FirstSectionKeyAsync(Seeded.Booklet, 0);
        var reader = await second.SignedInAsync(StudyPortal.Data.Accounts.PortalRoles.Reader);
        // Node two has the chapter in its caches (output cache and chapter cache).
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri("/read/" + key, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri("/read/" + key, UriKind.Relative))).StatusCode);

        using (var scope = first.Services.CreateScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<StudyPortal.Data.Importing.DocumentStore>().DeleteAsync(await first.DocumentIdAsync(Seeded.Booklet)));

        // Node two polls the library's revision every second here (two by default).
        var status = HttpStatusCode.OK;
        for (var attempt = 0; attempt < 50 && status == HttpStatusCode.OK; attempt++)
        {
            await Task.Delay(200);
            status = (await reader.GetAsync(new Uri("/read/" + key, UriKind.Relative))).StatusCode;
        }
        Assert.Equal(HttpStatusCode.NotFound, status);
    }
}

using System.Net;
using StudyPortal.Data.Accounts;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Read;

[Collection(SecuredPortalCollection.Name)]
public sealed class ReadingProgressTests(SecuredPortalFactory factory)
{
    [Fact]
    public async Task ReaderProgress_ShowsInTheContents_AndOnTheHomePage()
    {
        var client = await factory.SignedInAsync(PortalRoles.Reader);
        var documentId = await factory.DocumentIdAsync(Seeded.Booklet);
        var (_, listed) = await HtmlPage.GetAsync(client, $"/documents/{documentId}");
        var slots = listed.QuerySelectorAll(".progress-slot").Select(s => s.GetAttribute("data-section-key")!).ToList();
        Assert.True(slots.Count >= 2, $"{slots.Count} sections listed");
        var (first, second) = (slots[0], slots[^1]);

        Assert.Equal(HttpStatusCode.NoContent, (await Reading.ReportAsync(client, first, 3, completed: true)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Reading.ReportAsync(client, second, 2, completed: false)).StatusCode);

        var (_, contents) = await HtmlPage.GetAsync(client, $"/documents/{documentId}");
        Assert.Equal("已读", contents.QuerySelector($"[data-section-key='{first}'] .read")?.TextContent);
        Assert.Equal("在读", contents.QuerySelector($"[data-section-key='{second}'] .reading")?.TextContent);

        var (_, home) = await HtmlPage.GetAsync(client, "/");
        Assert.Equal($"/read/{second}#p-2", home.QuerySelector(".continue-reading a")!.GetAttribute("href"));

        // Another reader sees none of it.
        var other = await factory.SignedInAsync(PortalRoles.Reader);
        var (_, theirs) = await HtmlPage.GetAsync(other, $"/documents/{documentId}");
        Assert.Empty(theirs.QuerySelectorAll(".progress-slot .read, .progress-slot .reading"));
        Assert.Null((await HtmlPage.GetAsync(other, "/")).Document.QuerySelector(".continue-reading"));
    }

    [Fact]
    public async Task ForgedKey_IsNotFound_AndAReportWithoutTheToken_IsRefused()
    {
        var client = await factory.SignedInAsync(PortalRoles.Reader);
        var key = await factory.FirstSectionKeyAsync(Seeded.Booklet, 0);
        Assert.Equal(HttpStatusCode.BadRequest, (await Reading.ReportAsync(client, key, 1, true, withToken: false)).StatusCode);

        using var forged = new HttpRequestMessage(HttpMethod.Post, new Uri("/read/000000000000?handler=Progress", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["paragraph"] = "1", ["completed"] = "true" }),
        };
        forged.Headers.Add("RequestVerificationToken", await client.FormTokenAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(forged)).StatusCode);
    }
}

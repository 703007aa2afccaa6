using System.Net;
using System.Net.Http.Json;
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

        // The contents page is shared by every reader; its script asks for the reader's own marks and labels them.
        var (_, contents) = await HtmlPage.GetAsync(client, $"/documents/{documentId}");
        var toc = contents.QuerySelector(".toc")!;
        Assert.Equal($"/api/documents/{documentId}/progress", toc.GetAttribute("data-progress"));
        Assert.Equal(("已读", "在读"), (toc.GetAttribute("data-label-read"), toc.GetAttribute("data-label-reading")));
        Assert.Empty(contents.QuerySelectorAll(".progress-slot .read, .progress-slot .reading"));
        var marks = await client.GetFromJsonAsync<Dictionary<string, string>>($"/api/documents/{documentId}/progress");
        Assert.Equal(new Dictionary<string, string> { [first] = "read", [second] = "reading" }, marks);

        var (_, home) = await HtmlPage.GetAsync(client, "/");
        Assert.Equal($"/read/{second}#p-2", home.QuerySelector(".continue-reading a")!.GetAttribute("href"));

        // Another reader sees none of it.
        var other = await factory.SignedInAsync(PortalRoles.Reader);
        Assert.Empty((await other.GetFromJsonAsync<Dictionary<string, string>>($"/api/documents/{documentId}/progress"))!);
        var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri($"/api/documents/{documentId}/progress", UriKind.Relative))).StatusCode);
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

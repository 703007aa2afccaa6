using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Settings;

[Collection(PortalCollection.Name)]
public sealed class LanguageTests(PortalFactory factory)
{
    [Fact]
    public async Task Interface_IsChineseByDefault()
    {
        var (response, page) = await HtmlPage.GetAsync(factory.CreateClient(), "/");
        Assert.Equal("zh-Hans", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("学习资料库 · 学习资料门户", page.Title);
        Assert.Equal("zh-CN", response.Content.Headers.ContentLanguage.Single());
    }

    [Fact]
    public async Task Interface_IsEnglish_WhenTheBrowserAsks()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en-US"));
        var (_, page) = await HtmlPage.GetAsync(client, "/");
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Study library", page.QuerySelector("h1")!.TextContent.Trim());
        var id = await factory.DocumentIdAsync(Seeded.Booklet);
        var (_, document) = await HtmlPage.GetAsync(client, $"/documents/{id}");
        Assert.Contains("July 2023", document.QuerySelector(".page-head .meta")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Switch_SetsEnglish_ThroughTheRealForm()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var (_, page) = await HtmlPage.GetAsync(client, "/quotes");
        var form = (IHtmlFormElement)page.QuerySelector("form.language-switch")!;
        var token = ((IHtmlInputElement)form.QuerySelector("input[name='__RequestVerificationToken']")!).Value;
        var response = await client.PostAsync(new Uri(form.Action, UriKind.RelativeOrAbsolute), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["returnUrl"] = "/quotes",
            ["culture"] = "en",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/quotes", response.Headers.Location!.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Culture", StringComparison.Ordinal));
        var request = new HttpRequestMessage(HttpMethod.Get, "/quotes");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        var html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains("<h1>Quotations</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Switch_WithoutTheFormToken_IsRefused_AndAnOffsiteReturnUrlIsIgnored()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostAsync(new Uri("/settings/language", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "en" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.Contains("Culture", StringComparison.Ordinal)));
    }
}

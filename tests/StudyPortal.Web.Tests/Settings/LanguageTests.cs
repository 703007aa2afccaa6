using System.Net;
using System.Net.Http.Headers;
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
    public async Task Switch_SetsEnglish_ThroughTheFootersLink()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var (_, page) = await HtmlPage.GetAsync(client, "/quotes");
        var href = page.QuerySelector(".language-switch a[lang='en']")!.GetAttribute("href")!;
        var response = await client.GetAsync(new Uri(href, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/quotes", response.Headers.Location!.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Culture", StringComparison.Ordinal));
        var request = new HttpRequestMessage(HttpMethod.Get, "/quotes");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        var html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains("<h1>Quotations</h1>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/settings/language?culture=en&returnUrl=https://evil.example/", "/")]
    [InlineData("/settings/language?culture=en&returnUrl=//evil.example/", "/")]
    public async Task Switch_NeverRedirectsOffSite(string url, string expected)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/settings/language?culture=xx-XX")]
    [InlineData("/settings/language")]
    public async Task Switch_ToAnUnknownLanguage_IsRefused(string url)
    {
        var response = await factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace StudyPortal.Web.Tests.Infrastructure;

/// <summary>Fetches a page and parses it as a browser would, so tests read the DOM rather than raw strings.</summary>
public static class HtmlPage
{
    private static readonly IBrowsingContext Context = BrowsingContext.New(Configuration.Default);

    public static async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var document = (IHtmlDocument)await Context.OpenAsync(r => r.Content(html).Address("http://localhost" + url));
        return (response, document);
    }

    public static IReadOnlyList<string> Texts(this IDocument document, string selector) =>
        document.QuerySelectorAll(selector).Select(e => e.TextContent.Trim()).ToList();
}

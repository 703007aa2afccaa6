using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using StudyPortal.Data.Search;

namespace StudyPortal.Web.Infrastructure;

/// <summary>Text as escaped HTML with the search's matches in &lt;mark&gt;: the one place search results become HTML.</summary>
public static class MarkedText
{
    public static string Html(string text, IReadOnlyList<TextRange> marks)
    {
        var html = new StringBuilder(text.Length + 16 * marks.Count);
        var at = 0;
        foreach (var mark in marks)
        {
            html.Append(WebUtility.HtmlEncode(text[at..mark.Start]));
            html.Append("<mark>").Append(WebUtility.HtmlEncode(text.Substring(mark.Start, mark.Length))).Append("</mark>");
            at = mark.Start + mark.Length;
        }
        return html.Append(WebUtility.HtmlEncode(text[at..])).ToString();
    }

    /// <summary>A snippet, with "…" where text was cut.</summary>
    public static string Html(Snippet snippet) =>
        (snippet.CutBefore ? "…" : "") + Html(snippet.Text, snippet.Marks) + (snippet.CutAfter ? "…" : "");

    /// <summary>A paragraph of the reader with the terms a search came with marked.</summary>
    public static IHtmlContent Content(string text, IReadOnlyCollection<string> terms) =>
        new HtmlString(Html(text, terms.Count == 0 ? [] : Matches.Of(text, terms)));
}

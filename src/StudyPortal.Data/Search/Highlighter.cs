using System.Net;
using System.Text;

namespace StudyPortal.Data.Search;

/// <summary>Snippets as escaped HTML with every occurrence of every term wrapped in &lt;mark&gt;.</summary>
public static class Highlighter
{
    private const int Before = 40;
    private const int Length = 140;
    private static readonly char[] SentenceEnds = ['。', '！', '？', '；', '!', '?'];

    /// <summary>A window of the text around the first match, with all matches inside it marked.</summary>
    public static string Snippet(string text, IEnumerable<string> terms)
    {
        var list = terms.Where(t => t.Length > 0).ToList();
        var first = list.Select(t => text.IndexOf(t, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, first - Before);
        // Start at the beginning of the match's sentence when it begins inside the window, so a snippet reads from a
        // sentence start (after "…" for what comes before) rather than from the middle of one.
        if (start > 0)
        {
            var stop = text.LastIndexOfAny(SentenceEnds, Math.Max(0, first - 1), first - start);
            if (stop >= start) start = stop + 1;
        }
        if (start > 0 && start < text.Length && char.IsLowSurrogate(text[start])) start++;
        var end = Math.Min(text.Length, start + Length);
        if (end < text.Length && end > 0 && char.IsHighSurrogate(text[end - 1])) end--;
        var html = Mark(text[start..end], list);
        return (start > 0 ? "…" : "") + html + (end < text.Length ? "…" : "");
    }

    /// <summary>The whole text, escaped, with matches marked.</summary>
    public static string Mark(string text, IReadOnlyCollection<string> terms)
    {
        var marked = new bool[text.Length];
        foreach (var term in terms.Where(t => t.Length > 0))
            for (var i = text.IndexOf(term, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(term, i + 1, StringComparison.OrdinalIgnoreCase))
                Array.Fill(marked, true, i, term.Length);
        var sb = new StringBuilder(text.Length + 32);
        for (var i = 0; i < text.Length;)
        {
            var j = i;
            while (j < text.Length && marked[j] == marked[i]) j++;
            var part = WebUtility.HtmlEncode(text[i..j]);
            sb.Append(marked[i] ? $"<mark>{part}</mark>" : part);
            i = j;
        }
        return sb.ToString();
    }
}

namespace StudyPortal.Data.Search;

/// <summary>
/// Where a query's terms occur in a text (case-insensitive, overlaps merged), and the window of a long text to quote
/// around the first of them. Plain positions: turning them into HTML is the web app's job.
/// </summary>
public static class Matches
{
    private const int Before = 40;
    private const int Length = 140;
    private static readonly char[] SentenceEnds = ['。', '！', '？', '；', '!', '?'];

    /// <summary>Every occurrence of every term, merged into ranges in text order.</summary>
    public static IReadOnlyList<TextRange> Of(string text, IEnumerable<string> terms)
    {
        var marked = new bool[text.Length];
        foreach (var term in terms.Where(t => t.Length > 0))
            for (var i = text.IndexOf(term, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(term, i + 1, StringComparison.OrdinalIgnoreCase))
                Array.Fill(marked, true, i, term.Length);
        var ranges = new List<TextRange>();
        for (var i = 0; i < text.Length;)
        {
            var j = i;
            while (j < text.Length && marked[j] == marked[i]) j++;
            if (marked[i]) ranges.Add(new TextRange(i, j - i));
            i = j;
        }
        return ranges;
    }

    /// <summary>
    /// A window of the text around the first match, starting at its sentence when that begins inside the window, with
    /// the matches inside it (positions relative to the window) and whether text was cut before and after it.
    /// </summary>
    public static Snippet Snippet(string kind, int? paragraphPosition, string text, IEnumerable<string> terms)
    {
        var list = terms.Where(t => t.Length > 0).ToList();
        var first = list.Select(t => text.IndexOf(t, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, first - Before);
        if (start > 0)
        {
            var stop = text.LastIndexOfAny(SentenceEnds, Math.Max(0, first - 1), first - start);
            if (stop >= start) start = stop + 1;
        }
        if (start > 0 && start < text.Length && char.IsLowSurrogate(text[start])) start++;
        var end = Math.Min(text.Length, start + Length);
        if (end < text.Length && end > 0 && char.IsHighSurrogate(text[end - 1])) end--;
        var window = text[start..end];
        return new Snippet(kind, paragraphPosition, window, Of(window, list), start > 0, end < text.Length);
    }
}

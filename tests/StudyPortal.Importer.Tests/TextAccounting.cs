using StudyPortal.Importer.Model;

namespace StudyPortal.Importer.Tests;

/// <summary>
/// The "nothing is lost" property: every letter and digit of the input is in the output's text, in a dropped block
/// or in a diagnostic. Punctuation and spaces are left out because cleaning legitimately changes them.
/// </summary>
public static class TextAccounting
{
    public static void AssertNothingLost(string input, ParsedDocument document, string context = "")
    {
        input = WithoutFormattingTags(input);
        var available = Count(Everything(document));
        var missing = new Dictionary<char, int>();
        foreach (var (c, n) in Count([input]))
        {
            var have = available.GetValueOrDefault(c);
            if (have < n) missing[c] = n - have;
        }
        Assert.True(missing.Count == 0, context + "Lost characters: " + string.Join(", ", missing.Take(20).Select(m => $"'{m.Key}'×{m.Value}")));
    }

    /// <summary>
    /// The share of the input's letters and digits that the document keeps in its structure (title, metadata, headings,
    /// paragraphs, quotations' attributions) or drops as recognised noise (page furniture, tables of contents, source
    /// lines). What is dropped as unrelated items counts against it.
    /// </summary>
    public static double KeptShare(string input, ParsedDocument document)
    {
        input = WithoutFormattingTags(input);
        var available = Count(Everything(document, includeDiagnostics: false, keepDropped: b => b.Reason != UnrelatedItems));
        var total = 0;
        var kept = 0;
        foreach (var (c, n) in Count([input]))
        {
            total += n;
            kept += Math.Min(n, available.GetValueOrDefault(c));
        }
        return total == 0 ? 1 : (double)kept / total;
    }

    /// <summary>HTML formatting tags (`<p>`, `<strong>`) are markup, like Markdown's `**`: their names are not text.</summary>
    private static string WithoutFormattingTags(string input) =>
        System.Text.RegularExpressions.Regex.Replace(input, @"</?(?:p|div|br|strong|b|em|i|u|span|a|font|li|ul|ol|h[1-6]|section|article|blockquote|sup|sub|table|tbody|tr|td|th)(?:\s[^<>]*)?/?>", "");

    private const string UnrelatedItems = "other items on the newspaper page";

    private static IEnumerable<string> Everything(ParsedDocument d, bool includeDiagnostics = true, Func<DroppedBlock, bool>? keepDropped = null)
    {
        yield return d.Title;
        if (d.Subtitle is not null) yield return d.Subtitle;
        if (d.Series is not null) yield return d.Series;
        if (d.Issuer is not null) yield return d.Issuer;
        if (d.Date is { } date) yield return $"{date.Year}年{date.Month}月{date.Day}日";
        foreach (var a in d.Articles)
        {
            yield return a.Title;
            if (a.Source is not null) yield return a.Source;
            if (a.Author is not null) yield return a.Author;
            foreach (var s in a.Sections)
            {
                yield return s.Heading;
                foreach (var p in s.Paragraphs) yield return p.Markdown ?? p.Text;
            }
        }
        foreach (var q in d.Quotations)
        {
            // Attribution lines live on as the quotation's date, occasion and speaker.
            var range = q.DateEnd is { } end ? $"至{end.Year}年{end.Month}月{end.Day}日" : "";
            yield return $"{q.Speaker}{q.Date?.Year}年{q.Date?.Month}月{q.Date?.Day}日{range}{q.Occasion}{q.Enumerator}";
        }
        foreach (var b in d.Dropped.Where(keepDropped ?? (_ => true))) yield return b.Text;
        if (!includeDiagnostics) yield break;
        foreach (var g in d.Diagnostics) yield return g.Message;
    }

    private static Dictionary<char, int> Count(IEnumerable<string> texts)
    {
        var counts = new Dictionary<char, int>();
        foreach (var text in texts)
            foreach (var c in text)
                if (char.IsLetterOrDigit(c)) counts[Fold(c)] = counts.GetValueOrDefault(Fold(c)) + 1;
        return counts;
    }

    /// <summary>Full-width Latin and digits count as their ASCII forms.</summary>
    private static char Fold(char c) => c is >= '\uFF10' and <= '\uFF5A' ? (char)(c - 0xFEE0) : char.ToLowerInvariant(c);
}

using System.Text;

namespace StudyPortal.Data.Search;

/// <summary>
/// The tokens of the full-text index: every single character and every pair of adjacent characters within a run of
/// letters and digits, lower-cased, each once per text. Positions are not stored: a term of one or two characters is
/// one token (an exact match); a longer term is found by all of its pairs and then confirmed against the text.
/// </summary>
public static class SearchGrams
{
    /// <summary>The distinct tokens of a text to index, space-separated.</summary>
    public static string For(string text)
    {
        // A token is one or two UTF-16 units, so it packs into an int: no string per token on the import path.
        var seen = new HashSet<int>();
        var sb = new StringBuilder(text.Length * 4);
        var previous = '\0';
        foreach (var raw in text)
        {
            if (!char.IsLetterOrDigit(raw))
            {
                previous = '\0';
                continue;
            }
            var c = char.ToLowerInvariant(raw);
            if (seen.Add(c)) sb.Append(c).Append(' ');
            if (previous != '\0' && seen.Add(previous << 16 | c)) sb.Append(previous).Append(c).Append(' ');
            previous = c;
        }
        return sb.ToString();
    }

    /// <summary>
    /// The tokens a text containing <paramref name="term"/> must have: its pairs, or the character itself where a run
    /// of letters and digits is one character long. Empty when the term has no letter or digit.
    /// </summary>
    public static IReadOnlyList<string> ForTerm(string term) => Tokens(term).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>True when a term is exactly one token, so the index alone decides whether a text contains it.</summary>
    public static bool IsGram(string term) => term.Length is 1 or 2 && term.All(char.IsLetterOrDigit);

    private static IEnumerable<string> Tokens(string term)
    {
        var runStart = -1;
        for (var i = 0; i <= term.Length; i++)
        {
            if (i < term.Length && char.IsLetterOrDigit(term[i]))
            {
                if (runStart < 0) runStart = i;
                else yield return string.Concat(char.ToLowerInvariant(term[i - 1]), char.ToLowerInvariant(term[i]));
                continue;
            }
            if (runStart >= 0 && i - runStart == 1) yield return char.ToLowerInvariant(term[runStart]).ToString();
            runStart = -1;
        }
    }
}

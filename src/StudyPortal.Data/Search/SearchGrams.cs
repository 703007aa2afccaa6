using System.Text;

namespace StudyPortal.Data.Search;

/// <summary>
/// Single characters and pairs of adjacent characters, as space-separated tokens: the index that serves one- and
/// two-character terms, which FTS5's trigram tokenizer cannot. Only letters and digits make grams.
/// </summary>
public static class SearchGrams
{
    public static string For(string text)
    {
        var sb = new StringBuilder(text.Length * 4);
        var previous = '\0';
        foreach (var raw in text)
        {
            var c = char.ToLowerInvariant(raw);
            if (!char.IsLetterOrDigit(c))
            {
                previous = '\0';
                continue;
            }
            sb.Append(c).Append(' ');
            if (previous != '\0') sb.Append(previous).Append(c).Append(' ');
            previous = c;
        }
        return sb.ToString();
    }

    /// <summary>True when a short term can be looked up as one gram token.</summary>
    public static bool IsGram(string term) => term.Length is 1 or 2 && term.All(char.IsLetterOrDigit);
}

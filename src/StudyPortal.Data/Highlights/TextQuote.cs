namespace StudyPortal.Data.Highlights;

/// <summary>
/// A text-quote selector (W3C Web Annotation): the exact passage and up to <see cref="ContextLength"/> characters
/// before and after it within its paragraph. Finds the passage again in changed text: the hinted place when it still
/// reads the quote, else the occurrence whose surroundings agree best with the stored ones, nearest the hint.
/// </summary>
public static class TextQuote
{
    public const int ContextLength = 32;

    /// <summary>A place in a section: the paragraph's position and UTF-16 offsets in its text.</summary>
    public readonly record struct Place(int Paragraph, int Start, int End);

    /// <summary>The characters before and after [start, end) in the paragraph, as stored with a new highlight.</summary>
    public static (string Prefix, string Suffix) Context(string text, int start, int end) =>
        (text[Math.Max(0, start - ContextLength)..start], text[end..Math.Min(text.Length, end + ContextLength)]);

    /// <summary>Where the quote reads in these paragraphs (position, text), or null when it reads nowhere.</summary>
    public static Place? Locate(IEnumerable<(int Position, string Text)> paragraphs, string exact, string prefix, string suffix, Place hint)
    {
        if (exact.Length == 0) return null;
        Place? best = null;
        (int Context, int Distance) bestScore = (-1, int.MaxValue);
        foreach (var (position, text) in paragraphs)
        {
            for (var at = text.IndexOf(exact, StringComparison.Ordinal); at >= 0; at = text.IndexOf(exact, at + 1, StringComparison.Ordinal))
            {
                var place = new Place(position, at, at + exact.Length);
                if (place == hint) return place;
                var context = CommonSuffix(text.AsSpan(0, at), prefix) + CommonPrefix(text.AsSpan(place.End), suffix);
                var distance = Math.Abs(position - hint.Paragraph) * 100_000 + Math.Abs(at - hint.Start);
                if (context > bestScore.Context || (context == bestScore.Context && distance < bestScore.Distance))
                {
                    best = place;
                    bestScore = (context, distance);
                }
            }
        }
        return best;
    }

    private static int CommonSuffix(ReadOnlySpan<char> text, string prefix)
    {
        var n = 0;
        while (n < text.Length && n < prefix.Length && text[^(n + 1)] == prefix[^(n + 1)]) n++;
        return n;
    }

    private static int CommonPrefix(ReadOnlySpan<char> text, string suffix)
    {
        var n = 0;
        while (n < text.Length && n < suffix.Length && text[n] == suffix[n]) n++;
        return n;
    }
}

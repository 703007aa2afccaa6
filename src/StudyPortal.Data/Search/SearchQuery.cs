using System.Text;

namespace StudyPortal.Data.Search;

/// <summary>
/// What a person typed into the search box, read as terms: words separated by spaces must all occur, "a phrase"
/// must occur as written, -word must not occur. Everything else — FTS syntax, lone quotes, operators — is text.
/// </summary>
public sealed record SearchQuery(IReadOnlyList<string> Required, IReadOnlyList<string> Excluded)
{
    public const int MaxLength = 200;

    public bool IsEmpty => Required.Count == 0;

    /// <summary>Every term to highlight, longest first so a longer match wins where terms overlap.</summary>
    public IEnumerable<string> Highlights => Required.OrderByDescending(t => t.Length);

    public static SearchQuery Parse(string? input)
    {
        var text = (input ?? "").Trim();
        if (text.Length > MaxLength) text = text[..MaxLength];
        var required = new List<string>();
        var excluded = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }
            var negate = text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]);
            if (negate) i++;
            string term;
            var close = text[i] == '"' ? text.IndexOf('"', i + 1) : -1;
            if (close > i)
            {
                term = text[(i + 1)..close];
                i = close + 1;
            }
            else
            {
                var end = i;
                while (end < text.Length && !char.IsWhiteSpace(text[end])) end++;
                term = text[i..end];
                i = end;
            }
            term = Normalize(term);
            if (term.Length == 0) continue;
            var list = negate ? excluded : required;
            if (!list.Contains(term, StringComparer.Ordinal)) list.Add(term);
        }
        return new SearchQuery(required, excluded);
    }

    /// <summary>
    /// The same layout-space rules as the importer and ASCII letters in lower case, nothing else changed: other
    /// letters keep their case, as SQLite's lower() (which confirms matches) leaves them.
    /// </summary>
    public static string Normalize(string term) => AsciiLower(Importer.CjkText.NormalizeBody(term.Trim()));

    private static string AsciiLower(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++) span[i] = char.IsAsciiLetterUpper(source[i]) ? (char)(source[i] | 0x20) : source[i];
    });

    /// <summary>A term as an FTS5 string literal: quoted, inner quotes doubled, so no character is syntax.</summary>
    public static string Quote(string term)
    {
        var sb = new StringBuilder(term.Length + 2).Append('"');
        foreach (var c in term)
        {
            if (c == '"') sb.Append('"');
            sb.Append(c);
        }
        return sb.Append('"').ToString();
    }
}

using System.Globalization;
using System.Text;

namespace StudyPortal.Web.Infrastructure;

/// <summary>
/// Text that people type: what it may hold and how it is cut. Everything the portal stores from a form passes
/// <see cref="Clean"/> (by the model binder), and every export passes it again for rows stored before.
/// </summary>
public static class UserText
{
    /// <summary>
    /// Drops the characters XML 1.0 cannot hold (C0 controls other than tab, line feed and carriage return, lone
    /// surrogates, U+FFFE and U+FFFF): a reflection holding one would break every Excel export of its group.
    /// </summary>
    public static string Clean(string text)
    {
        var firstBad = FirstInvalid(text);
        if (firstBad < 0) return text;
        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, firstBad);
        for (var i = firstBad; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
                continue;
            }
            if (IsAllowed(c)) builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>At most <paramref name="maxLength"/> UTF-16 units, cut between whole characters (text elements), never inside an emoji or a surrogate pair.</summary>
    public static string Cut(string text, int maxLength)
    {
        if (text.Length <= maxLength) return text;
        var end = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var next = elements.ElementIndex + ((string)elements.Current).Length;
            if (next > maxLength) break;
            end = next;
        }
        return text[..end];
    }

    /// <summary>
    /// A CSV cell that a spreadsheet would run as a formula (it starts with =, +, -, @, tab or carriage return) gets a
    /// leading apostrophe, OWASP's rule against CSV injection: the text stays readable and nothing is evaluated.
    /// </summary>
    public static string SpreadsheetSafe(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell;

    private static int FirstInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (!IsAllowed(c)) return i;
        }
        return -1;
    }

    private static bool IsAllowed(char c) =>
        c is '\t' or '\n' or '\r' || (c >= '\u0020' && c <= '\uD7FF') || (c >= '\uE000' && c <= '\uFFFD');
}

using System.Text.RegularExpressions;
using StudyPortal.Importer.Model;
using StudyPortal.Importer.Structure;

namespace StudyPortal.Importer.Quotations;

/// <summary>
/// A numbered or bulleted passage in a quotation collection: `1、要坚持…` is the quotation `要坚持…` with the
/// enumerator `1` (also `（1）`, `①`, `1.` and Markdown's own list numbers); `● 要坚持…` loses its bullet.
/// </summary>
internal static partial class ListedPassage
{
    public static (string Text, string? Enumerator) Split(ParsedParagraph paragraph)
    {
        if (paragraph.Markdown is { } markdown && MarkdownNumber().Match(markdown) is { Success: true } m)
            return (paragraph.Text, m.Groups["n"].Value);
        var text = paragraph.Text;
        var number = LinePatterns.ListNumber().Match(text);
        if (number.Success && number.Length < text.Length) return (text[number.Length..], number.Groups["n"].Value);
        var bullet = LinePatterns.Bullet().Match(text);
        return bullet.Success && bullet.Length < text.Length ? (text[bullet.Length..], null) : (text, null);
    }

    [GeneratedRegex(@"^(?<n>\d{1,3})[.)]\s")]
    private static partial Regex MarkdownNumber();
}

using System.Text.RegularExpressions;
using StudyPortal.Importer.Decoding;

namespace StudyPortal.Importer.Formats;

/// <summary>
/// Plain text and Markdown (.txt, .md, and text files that use Markdown's block syntax, as extracted PDFs often do).
/// One block per non-empty line; blank lines carry no meaning here because layout puts them everywhere.
/// </summary>
public sealed partial class PlainTextBlockReader : IBlockReader
{
    public bool CanRead(ReadOnlySpan<byte> bytes, string fileName) => true;

    public BlockStream Read(byte[] bytes)
    {
        var decoded = TextDecoder.Decode(bytes);
        return new BlockStream(ReadText(decoded.Text), decoded.EncodingName, decoded.Guessed, decoded.Warning is null ? [] : [decoded.Warning]);
    }

    public static IReadOnlyList<RawBlock> ReadText(string text)
    {
        text = CjkText.FoldRadicals(text);
        var blocks = new List<RawBlock>();
        var lineNumber = 0;
        var start = 0;
        string? open = null;
        var openLine = 0;
        while (start <= text.Length)
        {
            lineNumber++;
            var end = text.AsSpan(start).IndexOfAny('\r', '\n');
            var length = end < 0 ? text.Length - start : end;
            var line = text.AsSpan(start, length).Trim().Trim('\uFEFF').ToString();
            var number = lineNumber;
            if (open is not null && (line.Length > 0 || lineNumber - openLine > 2))
            {
                // A hard wrap cut an emphasis span (`**携手构建网络空间` / `命运共同体**`): the pieces are one line again.
                (line, number) = line.Length > 0 ? (open + line, openLine) : (open, openLine);
                open = null;
            }
            if (line.Length > 0 && line.Length <= 40 && HasOpenEmphasis(line) && number == lineNumber)
            {
                (open, openLine) = (line, lineNumber);
            }
            else if (line.Length > 0 && InlineHtml.Contains(line))
            {
                foreach (var piece in InlineHtml.ToLines(line))
                    if (ParseLine(piece, number) is { } element) blocks.Add(element);
            }
            else if (line.Length > 0 && ParseLine(line, number) is { } block)
            {
                blocks.Add(block);
            }
            if (end < 0) break;
            start += length + (text[start + length] == '\r' && start + length + 1 < text.Length && text[start + length + 1] == '\n' ? 2 : 1);
        }
        if (open is not null && ParseLine(open, openLine) is { } last) blocks.Add(last);
        return blocks;
    }

    /// <summary>An odd number of `**`: a bold span opened on this line and not closed on it.</summary>
    private static bool HasOpenEmphasis(string line)
    {
        var count = 0;
        for (var i = line.IndexOf("**", StringComparison.Ordinal); i >= 0; i = line.IndexOf("**", i + 2, StringComparison.Ordinal)) count++;
        return count % 2 == 1;
    }

    internal static RawBlock? ParseLine(string line, int lineNumber) =>
        ParseMarkup(line, lineNumber) is { } block ? block with { Width = line.Length } : null;

    private static RawBlock? ParseMarkup(string line, int lineNumber)
    {
        var first = line[0];
        if (first is '-' or '*' or '_' && HorizontalRule().IsMatch(line)) return null;

        var heading = first == '#' ? Heading().Match(line) : Match.Empty;
        if (heading.Success)
        {
            var inner = StripInline(heading.Groups[2].Value);
            return inner.Length == 0 ? null : new RawBlock(inner, null, lineNumber, HeadingLevel: heading.Groups[1].Length);
        }

        var isQuote = false;
        if (line.StartsWith('>'))
        {
            isQuote = true;
            line = line.TrimStart('>', ' ', '\t');
            if (line.Length == 0) return null;
        }

        var bold = line[0] is '*' or '_' ? BoldOnly().Match(line) : Match.Empty;
        if (bold.Success)
            return new RawBlock(bold.Groups[2].Value.Trim(), null, lineNumber, IsBold: true, IsQuote: isQuote);

        var list = line[0] is '-' or '*' or '+' || char.IsAsciiDigit(line[0]) ? ListItem().Match(line) : Match.Empty;
        if (list.Success)
        {
            var item = list.Groups[2].Value;
            return new RawBlock(StripInline(item), line, lineNumber, IsQuote: isQuote, IsListItem: true);
        }

        var plain = StripInline(line);
        var markdown = plain.Length != line.Length ? line : null;
        return new RawBlock(plain, markdown, lineNumber, IsQuote: isQuote);
    }

    /// <summary>Removes emphasis markers, keeping their text.</summary>
    public static string StripInline(string text)
    {
        if (text.Contains("](", StringComparison.Ordinal)) text = Link().Replace(text, "$1");
        return text.AsSpan().IndexOfAny('*', '_') < 0 ? text : Emphasis().Replace(text, "$2");
    }

    /// <summary>`[text](url)` and `![alt](url)`: the words stay, the address goes.</summary>
    [GeneratedRegex(@"!?\[([^\[\]]*)\]\([^()\s]+(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^(#{1,6})\s+(.*?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(\*\*|__)(.+?)\1$")]
    private static partial Regex BoldOnly();

    [GeneratedRegex(@"^([-*+]|\d{1,3}[.)])\s+(.+)$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^([-*_]\s*){3,}$")]
    private static partial Regex HorizontalRule();

    [GeneratedRegex(@"(\*\*|__|\*)(\S(?:.*?\S)?)\1")]
    private static partial Regex Emphasis();
}

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
        var blocks = new List<RawBlock>();
        var lineNumber = 0;
        foreach (var rawLine in LineBreak().Split(text))
        {
            lineNumber++;
            var line = rawLine.Trim().Trim('\uFEFF');
            if (line.Length == 0) continue;
            var block = ParseLine(line, lineNumber);
            if (block is not null) blocks.Add(block);
        }
        return blocks;
    }

    private static RawBlock? ParseLine(string line, int lineNumber)
    {
        if (HorizontalRule().IsMatch(line)) return null;

        var heading = Heading().Match(line);
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

        var bold = BoldOnly().Match(line);
        if (bold.Success)
            return new RawBlock(bold.Groups[2].Value.Trim(), null, lineNumber, IsBold: true, IsQuote: isQuote);

        var list = ListItem().Match(line);
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
    public static string StripInline(string text) => Emphasis().Replace(text, "$2");

    [GeneratedRegex(@"\r\n|\r|\n")]
    private static partial Regex LineBreak();

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

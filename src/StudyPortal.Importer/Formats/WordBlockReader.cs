using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace StudyPortal.Importer.Formats;

/// <summary>
/// Word .docx: one block per paragraph, with its heading level from the paragraph style ("heading 1"…, "Title", or a
/// Chinese "标题 1") and bold-only paragraphs marked, so the structure rules see what the author formatted.
/// </summary>
public sealed class WordBlockReader(ImportOptions? options = null) : IBlockReader
{
    private readonly ImportOptions _options = options ?? new ImportOptions();

    public const string EncodingName = "Word (.docx)";

    public bool CanRead(ReadOnlySpan<byte> bytes, string fileName) =>
        bytes.StartsWith("PK\u0003\u0004"u8) && (fileName.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) || ContainsWordPart(bytes));

    public BlockStream Read(byte[] bytes)
    {
        WordPackageLimits.Check(bytes, _options);
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = WordprocessingDocument.Open(stream, false);
            var body = document.MainDocumentPart?.Document?.Body ?? throw new UnreadableDocumentException(UnreadableReason.BrokenWord, "the Word file has no document body");
            var styles = document.MainDocumentPart.StyleDefinitionsPart?.Styles?.Elements<Style>()
                .Where(s => s.StyleId?.Value is not null)
                .ToDictionary(s => s.StyleId!.Value!, s => s.StyleName?.Val?.Value ?? "", StringComparer.OrdinalIgnoreCase) ?? [];
            var formatting = new WordFormatting(document.MainDocumentPart);
            var numbering = new WordNumbering(document.MainDocumentPart);
            var paragraphs = new List<WordParagraph>();
            var number = 0;
            foreach (var paragraph in body.Descendants<Paragraph>())
            {
                number++;
                var text = CjkText.FoldRadicals(TextOf(paragraph)).Trim();
                var shownNumber = numbering.Next(paragraph);
                if (text.Length == 0) continue;
                var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
                var styleName = styleId is not null && styles.TryGetValue(styleId, out var name) ? name : null;
                paragraphs.Add(new WordParagraph(shownNumber is null ? text : shownNumber + text, number, IsTitleStyle(styleId, styleName),
                    HeadingLevel(styleId, styleName) ?? OutlineLevel(paragraph), IsBoldOnly(paragraph), WordFormatting.IsCentred(paragraph), formatting.SizeOf(paragraph)));
            }
            var blocks = ToBlocks(paragraphs);
            return new BlockStream(blocks, EncodingName, false, []);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FileFormatException or ArgumentException)
        {
            throw new UnreadableDocumentException(UnreadableReason.BrokenWord, "the file is not a readable Word document", ex);
        }
    }

    private sealed record WordParagraph(string Text, int Number, bool IsTitleStyle, int? StyleLevel, bool IsBold, bool IsCentred, int? Size);

    /// <summary>Half-points a heading is set above the body text at least (2 pt).</summary>
    private const int HeadingSizeStep = 4;

    /// <summary>
    /// Styles first; where a paragraph has none, its direct formatting: the opening paragraphs in the Title style, or
    /// centred or bold and set larger than the body, are the document's title; a short paragraph set larger than the
    /// body is a heading, the larger the higher.
    /// </summary>
    private static List<RawBlock> ToBlocks(List<WordParagraph> paragraphs)
    {
        var bodySize = paragraphs.Where(p => p.Text.Length > 30 && p.Size is not null)
            .GroupBy(p => p.Size!.Value).OrderByDescending(g => g.Sum(p => p.Text.Length)).Select(g => (int?)g.Key).FirstOrDefault();
        bool IsLarge(WordParagraph p) => bodySize is int b && p.Size is int size && size >= b + HeadingSizeStep;
        bool IsShortLine(WordParagraph p, int max) => p.Text.Length <= max && !CjkText.ContainsSentencePunctuation(p.Text.TrimEnd('。'));

        var titleCount = 0;
        while (titleCount < paragraphs.Count && titleCount < 3)
        {
            var p = paragraphs[titleCount];
            var looksLikeTitle = p.IsTitleStyle || p.StyleLevel is null && IsShortLine(p, 80) && (IsLarge(p) && (p.IsCentred || p.IsBold) || bodySize is null && p.IsCentred && p.IsBold);
            if (!looksLikeTitle || titleCount > 0 && p.Size != paragraphs[0].Size && !p.IsTitleStyle) break;
            titleCount++;
        }
        var headingSizes = paragraphs.Skip(titleCount).Where(p => p.StyleLevel is null && IsLarge(p) && IsShortLine(p, 60))
            .Select(p => p.Size!.Value).Distinct().OrderDescending().ToList();

        var blocks = new List<RawBlock>(paragraphs.Count);
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var p = paragraphs[i];
            var level = p.StyleLevel ?? (p.IsTitleStyle ? 1 : null);
            // Headings set by hand are sections: a level below any Heading 1 (articles are for styled files that say so).
            if (level is null && i >= titleCount && IsLarge(p) && IsShortLine(p, 60)) level = Math.Min(4, headingSizes.IndexOf(p.Size!.Value) + 2);
            // A paragraph's length is its line width too: a Word file pasted from hard-wrapped text has a paragraph per line.
            blocks.Add(new RawBlock(p.Text, null, p.Number, HeadingLevel: i < titleCount ? null : level, IsBold: level is null && i >= titleCount && p.IsBold,
                Width: p.Text.Length, IsTitle: i < titleCount));
        }
        return blocks;
    }

    private static bool IsTitleStyle(string? styleId, string? styleName) =>
        new[] { styleName, styleId }.Any(n => n is not null && n.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant() is "title" or "标题");

    private static string TextOf(Paragraph paragraph)
    {
        var sb = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text t: sb.Append(t.Text); break;
                case TabChar: sb.Append(' '); break;
                case Break or CarriageReturn: sb.Append('\n'); break;
            }
        }
        return sb.ToString();
    }

    private static int? HeadingLevel(string? styleId, string? styleName)
    {
        foreach (var name in new[] { styleName, styleId })
        {
            if (string.IsNullOrEmpty(name)) continue;
            var n = name.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
            foreach (var prefix in new[] { "heading", "标题" })
                if (n.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(n.AsSpan(prefix.Length), out var level) && level is >= 1 and <= 6)
                    return level;
        }
        return null;
    }

    private static int? OutlineLevel(Paragraph paragraph) =>
        paragraph.ParagraphProperties?.OutlineLevel?.Val?.Value is int level && level is >= 0 and < 6 ? level + 1 : null;

    private static bool IsBoldOnly(Paragraph paragraph)
    {
        var runs = paragraph.Descendants<Run>().Where(r => r.Descendants<Text>().Any(t => !string.IsNullOrWhiteSpace(t.Text))).ToList();
        return runs.Count > 0 && runs.All(r => r.RunProperties?.Bold is { } bold && (bold.Val is null || bold.Val.Value));
    }

    private static bool ContainsWordPart(ReadOnlySpan<byte> bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes.ToArray(), writable: false), ZipArchiveMode.Read);
            return zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}

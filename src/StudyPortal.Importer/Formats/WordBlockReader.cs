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
            var body = document.MainDocumentPart?.Document?.Body ?? throw new UnreadableDocumentException("the Word file has no document body");
            var styles = document.MainDocumentPart.StyleDefinitionsPart?.Styles?.Elements<Style>()
                .Where(s => s.StyleId?.Value is not null)
                .ToDictionary(s => s.StyleId!.Value!, s => s.StyleName?.Val?.Value ?? "", StringComparer.OrdinalIgnoreCase) ?? [];
            var blocks = new List<RawBlock>();
            var number = 0;
            foreach (var paragraph in body.Descendants<Paragraph>())
            {
                number++;
                var text = CjkText.FoldRadicals(TextOf(paragraph)).Trim();
                if (text.Length == 0) continue;
                var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
                var level = HeadingLevel(styleId, styleId is not null && styles.TryGetValue(styleId, out var name) ? name : null)
                    ?? OutlineLevel(paragraph);
                // A paragraph's length is its line width too: a Word file pasted from hard-wrapped text has a paragraph per line.
                blocks.Add(new RawBlock(text, null, number, HeadingLevel: level, IsBold: level is null && IsBoldOnly(paragraph), Width: text.Length));
            }
            return new BlockStream(blocks, EncodingName, false, []);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FileFormatException or ArgumentException)
        {
            throw new UnreadableDocumentException("the file is not a readable Word document", ex);
        }
    }

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
            if (n is "title" or "标题") return 1;
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

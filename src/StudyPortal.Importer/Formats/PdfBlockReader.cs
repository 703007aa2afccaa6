using System.Text;
using StudyPortal.Importer.Model;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace StudyPortal.Importer.Formats;

/// <summary>
/// PDF with a text layer: each page's text in reading order, line by line, then the same line rules as plain text
/// (the cleaning rules repair the page breaks and column joins). A PDF without text is a scan and is refused.
/// </summary>
public sealed class PdfBlockReader(ImportOptions? options = null) : IBlockReader
{
    private readonly ImportOptions _options = options ?? new ImportOptions();

    public const string EncodingName = "PDF text layer";

    public bool CanRead(ReadOnlySpan<byte> bytes, string fileName) => bytes.StartsWith("%PDF-"u8);

    public BlockStream Read(byte[] bytes)
    {
        var text = new StringBuilder();
        int pages;
        try
        {
            using var pdf = PdfDocument.Open(bytes);
            pages = pdf.NumberOfPages;
            if (pages > _options.MaxPdfPages) throw new UnreadableDocumentException($"the PDF has {pages} pages, above the limit of {_options.MaxPdfPages} pages");
            foreach (var page in pdf.GetPages())
            {
                text.Append(ContentOrderTextExtractor.GetText(page)).Append("\n\n");
            }
        }
        catch (Exception ex) when (ex is not UnreadableDocumentException and not OutOfMemoryException)
        {
            throw new UnreadableDocumentException("the file is not a readable PDF", ex);
        }
        if (text.ToString().All(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            throw new UnreadableDocumentException("scanned PDF, no text to import (the pages are images; run OCR first)");
        return new BlockStream(PlainTextBlockReader.ReadText(WidenPunctuation(text.ToString())), EncodingName, false, [Diagnostic.Create(DiagnosticLevel.Info, null, "pdf-text-layer", "Read from the text layer of {0} PDF pages.", pages)]);
    }

    private const string Narrow = ",:;!?()";
    private const string Wide = "，：；！？（）";

    /// <summary>
    /// PDF fonts often share one glyph between a full-width mark and its ASCII twin, so the text layer says "," where the
    /// page shows "，". Beside Chinese text the full-width mark is what was printed; elsewhere (1,000, http://) nothing changes.
    /// </summary>
    internal static string WidenPunctuation(string text)
    {
        // The same sharing maps the dash of "——" and "中国—东盟" to U+2015 (horizontal bar).
        text = text.Replace('\u2015', '\u2014');
        if (text.AsSpan().IndexOfAny(Narrow) < 0) return text;
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var k = Narrow.IndexOf(chars[i], StringComparison.Ordinal);
            if (k < 0) continue;
            if (IsChinese(Neighbour(chars, i, -1)) || IsChinese(Neighbour(chars, i, +1))) chars[i] = Wide[k];
        }
        return new string(chars);
    }

    private static char Neighbour(char[] chars, int i, int step)
    {
        for (var j = i + step; j >= 0 && j < chars.Length; j += step)
        {
            if (chars[j] is ' ' or '\t') continue;
            return chars[j] is '\n' or '\r' ? '\0' : chars[j];
        }
        return '\0';
    }

    private static bool IsChinese(char c) => CjkText.IsIdeograph(c) || CjkText.IsCjkPunctuation(c) || Wide.Contains(c, StringComparison.Ordinal) || c is '“' or '”' or '‘' or '’';
}

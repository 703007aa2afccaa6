using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace StudyPortal.Importer.Formats;

/// <summary>
/// PDF with a text layer: each page's text in reading order, line by line, then the same line rules as plain text
/// (the cleaning rules repair the page breaks and column joins). A PDF without text is a scan and is refused.
/// </summary>
public sealed class PdfBlockReader : IBlockReader
{
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
        return new BlockStream(PlainTextBlockReader.ReadText(text.ToString()), EncodingName, false, [$"Read from the text layer of {pages} PDF pages."]);
    }
}

using System.Text;
using StudyPortal.Importer.Model;
using UglyToad.PdfPig;
using System.Text.RegularExpressions;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;

namespace StudyPortal.Importer.Formats;

/// <summary>
/// PDF with a text layer: the pages' letters laid out into paragraphs, headings and a title by their size, weight,
/// indentation and spacing (<see cref="PdfLayout"/>), without the running headers, footers and page numbers.
/// A PDF without text is a scan and is refused.
/// </summary>
public sealed partial class PdfBlockReader(ImportOptions? options = null) : IBlockReader
{
    private readonly ImportOptions _options = options ?? new ImportOptions();

    public const string EncodingName = "PDF text layer";

    public bool CanRead(ReadOnlySpan<byte> bytes, string fileName) => bytes.StartsWith("%PDF-"u8);

    public BlockStream Read(byte[] bytes)
    {
        var pageLines = new List<IReadOnlyList<PdfLayout.TextLine>>();
        var removed = new List<string>();
        int pages;
        try
        {
            using var pdf = PdfDocument.Open(bytes);
            pages = pdf.NumberOfPages;
            if (pages > _options.MaxPdfPages) throw new UnreadableDocumentException(UnreadableReason.Expands, $"the PDF has {pages} pages, above the limit of {_options.MaxPdfPages} pages");
            var all = pdf.GetPages().ToList();
            var decorations = Decorations(all);
            var lines = all.Select(page => (Page: page, Lines: PdfLayout.Lines(page, decorations.TryGetValue(page.Number, out var boxes) ? boxes.Select(b => b.Box).ToList() : []))).ToList();
            removed.AddRange(decorations.Values.SelectMany(b => b).Select(b => b.Text));
            var body = lines.SelectMany(p => p.Lines).GroupBy(l => Math.Round(l.Size * 2) / 2).MaxBy(g => g.Sum(l => l.Text.Length))?.Key ?? 0;
            var repeated = lines.SelectMany(p => p.Lines.Where(l => IsInMargin(l, p.Page)).Select(l => (p.Page.Number, Text: Digits().Replace(CjkText.WithoutSpaces(l.Text), "#"))))
                .Distinct().GroupBy(x => x.Text).Where(g => g.Count() >= 2).Select(g => g.Key).ToHashSet();
            foreach (var (page, pageLinesOfPage) in lines)
            {
                var kept = new List<PdfLayout.TextLine>();
                foreach (var line in pageLinesOfPage)
                {
                    var compact = CjkText.WithoutSpaces(line.Text);
                    // Page numbers and the small print repeated in the margins (running headers and footers) are not text,
                    // even where the page breaks a sentence.
                    var decoration = IsInMargin(line, page)
                        && (PageNumber().IsMatch(compact) || line.Size < body - 0.75 && (all.Count == 1 || repeated.Contains(Digits().Replace(compact, "#"))));
                    if (decoration) removed.Add(line.Text);
                    else kept.Add(line with { Text = CjkText.FoldRadicals(WidenPunctuation(line.Text)) });
                }
                pageLines.Add(kept);
            }
        }
        catch (Exception ex) when (ex is not UnreadableDocumentException and not OutOfMemoryException)
        {
            throw new UnreadableDocumentException(UnreadableReason.BrokenPdf, "the file is not a readable PDF", ex);
        }
        if (pageLines.All(p => p.Count == 0))
            throw new UnreadableDocumentException(UnreadableReason.Scanned, "scanned PDF, no text to import (the pages are images; run OCR first)");
        var warnings = new List<Diagnostic> { Diagnostic.Create(DiagnosticLevel.Info, null, "pdf-text-layer", "Read from the text layer of {0} PDF pages.", pages) };
        if (removed.Count > 0)
            warnings.Add(Diagnostic.Create(DiagnosticLevel.Info, null, "pdf-decorations", "{0} running headers, footers and page numbers left out, such as “{1}”.",
                removed.Count, string.Join("”, “", removed.Distinct().Take(3))));
        return new BlockStream(PdfLayout.ToBlocks(pageLines), EncodingName, false, warnings);
    }

    /// <summary>
    /// Running headers, footers and page numbers, found by PdfPig's decoration classifier (blocks repeated at the same
    /// place page after page), kept only where they sit in the top or bottom margin.
    /// </summary>
    private static Dictionary<int, List<(PdfRectangle Box, string Text)>> Decorations(List<Page> pages)
    {
        var result = new Dictionary<int, List<(PdfRectangle, string)>>();
        if (pages.Count < 2) return result;
        var found = DecorationTextBlockClassifier.Get(pages, NearestNeighbourWordExtractor.Instance, new DocstrumBoundingBoxes(), maxDegreeOfParallelism: 1);
        for (var i = 0; i < pages.Count && i < found.Count; i++)
        {
            var page = pages[i];
            var boxes = found[i].Where(b => b.BoundingBox.Bottom > page.Height * (1 - MarginShare) || b.BoundingBox.Top < page.Height * MarginShare)
                .Select(b => (b.BoundingBox, b.Text.Trim())).ToList();
            if (boxes.Count > 0) result[page.Number] = boxes;
        }
        return result;
    }

    private const double MarginShare = 0.1;

    private static bool IsInMargin(PdfLayout.TextLine line, Page page) => line.Baseline < page.Height * MarginShare || line.Baseline > page.Height * (1 - MarginShare);

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^(?:[—–\-－·•]*\d{1,4}[—–\-－·•]*|第\d{1,4}页(?:[,，/／]?共\d{1,4}页)?|\d{1,4}[/／]\d{1,4}|Page\d{1,4})$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();

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

using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace StudyPortal.Importer.Formats;

/// <summary>
/// Turns a PDF's letters into the paragraphs a reader sees, with the information the text alone loses: font size,
/// weight, indentation and line length. Lines follow the producer's content order (so columns stay apart); a
/// paragraph ends where a line stops short of the margin, the next line is indented, the gap widens or the size
/// changes, and goes on across a page break when the page's last line runs to the margin. Lines set larger than the
/// body are headings (consecutive ones join: two-line headings), the largest at the top of the first page the title,
/// short bold lines bold paragraphs.
/// </summary>
internal static partial class PdfLayout
{
    /// <summary>Points a heading is set above the body text at least.</summary>
    private const double HeadingStep = 1.5;

    internal sealed record TextLine(string Text, int Page, double Left, double Right, double Baseline, double Size, bool Bold, double PageWidth = 0);

    public static List<RawBlock> ToBlocks(IReadOnlyList<IReadOnlyList<TextLine>> pages)
    {
        var lines = pages.SelectMany(p => p).ToList();
        if (lines.Count == 0) return [];
        var body = lines.GroupBy(l => Math.Round(l.Size * 2) / 2).MaxBy(g => g.Sum(l => l.Text.Length))!.Key;
        // The margins: where the leftmost line starts (first lines of paragraphs are indented from it; headings are not)
        // and, since office pages have even margins, as far from the right edge, unless a line runs further.
        var left = lines.Min(l => l.Left);
        var right = Math.Max(lines.Max(l => l.Right), lines.Max(l => l.PageWidth) - left);
        var headingSizes = lines.Where(l => IsHeadingSize(l, body) && l.Text.Length <= 60).Select(l => Math.Round(l.Size)).Distinct().OrderDescending().ToList();
        // The title: the largest lines of the head of the first page, before its first line of running text.
        var head = lines.TakeWhile(l => l.Page == lines[0].Page && !(Math.Abs(l.Size - body) < 0.5 && (l.Text.Length > 40 || CjkText.ContainsSentencePunctuation(l.Text)))).ToList();
        var largest = head.Select(l => Math.Round(l.Size)).DefaultIfEmpty(0).Max();
        var titleSize = head.Count > 0 && largest >= body + HeadingStep ? largest : (double?)null;
        var headCount = head.Count;

        var blocks = new List<RawBlock>();
        var current = new List<TextLine>();
        var lineNumber = 0;
        var firstLine = 0;
        void Flush()
        {
            if (current.Count == 0) return;
            var text = Join(current);
            var first = current[0];
            var isTitle = firstLine <= headCount && titleSize is double t && Math.Round(first.Size) == t;
            int? level = !isTitle && IsHeadingSize(first, body) && text.Length <= 80 ? Math.Min(4, headingSizes.IndexOf(Math.Round(first.Size)) + 2) : null;
            var bold = level is null && !isTitle && current.All(l => l.Bold) && text.Length <= 40;
            // Text that carries Markdown's block syntax (as PDFs printed from Markdown do) is read as Markdown too.
            if (PlainTextBlockReader.ParseLine(text, firstLine) is { } markup)
                blocks.Add(markup with { HeadingLevel = level ?? markup.HeadingLevel, IsBold = bold || markup.IsBold, IsTitle = isTitle });
            current.Clear();
        }

        TextLine? previous = null;
        foreach (var line in lines)
        {
            lineNumber++;
            if (previous is null || StartsNew(previous, line, body, left, right))
            {
                Flush();
                firstLine = lineNumber;
            }
            current.Add(line);
            previous = line;
        }
        Flush();
        return blocks;
    }

    private static bool IsHeadingSize(TextLine line, double body) => line.Size >= body + HeadingStep;

    private static bool StartsNew(TextLine previous, TextLine line, double body, double left, double right)
    {
        var size = Math.Max(line.Size, previous.Size);
        if (Math.Abs(line.Size - previous.Size) >= 0.75) return true;
        // Headings of one size on consecutive lines are one heading set over two lines.
        if (IsHeadingSize(line, body)) return line.Page != previous.Page || previous.Baseline - line.Baseline > size * 2.2;
        // A contents entry ends at its page number; a change of weight is a change of kind (a bold heading, a plain paragraph).
        if (Structure.LinePatterns.ContentsLeader().IsMatch(previous.Text) || line.Bold != previous.Bold) return true;
        var indented = line.Left > left + size * 1.2;
        var previousFull = previous.Right >= right - size * 2.5;
        if (line.Page != previous.Page) return indented || !previousFull;
        var gap = previous.Baseline - line.Baseline;
        return indented || !previousFull || gap > size * 2.2 || gap < 0;
    }

    private static string Join(List<TextLine> lines)
    {
        var sb = new StringBuilder();
        foreach (var line in lines)
        {
            if (sb.Length > 0 && char.IsAsciiLetterOrDigit(sb[^1]) && char.IsAsciiLetterOrDigit(line.Text[0])) sb.Append(' ');
            sb.Append(line.Text);
        }
        return sb.ToString();
    }

    /// <summary>
    /// A page's lines, from its letters by their baselines (the order a content stream draws them in can interleave
    /// lines), leaving out those inside <paramref name="exclude"/> (headers, footers). A page set in two columns, with a
    /// gutter on most lines, reads its left column before its right.
    /// </summary>
    public static List<TextLine> Lines(Page page, IReadOnlyList<PdfRectangle> exclude)
    {
        var rows = new List<List<Letter>>();
        foreach (var letter in page.Letters.Where(l => !exclude.Any(r => Contains(r, l.BoundingBox))).OrderByDescending(l => l.StartBaseLine.Y))
        {
            var row = rows.Count > 0 ? rows[^1] : null;
            if (row is null || Math.Abs(row[0].StartBaseLine.Y - letter.StartBaseLine.Y) >= Math.Max(letter.PointSize, 1) * 0.5) rows.Add(row = []);
            row.Add(letter);
        }
        var segmented = rows.Select(r => Segments(r.OrderBy(l => l.StartBaseLine.X).ToList())).ToList();
        var gutter = Gutter(segmented, page.Width);
        var lines = new List<TextLine>();
        if (gutter is double x)
        {
            foreach (var side in new[] { true, false })
                foreach (var row in segmented)
                    AddLine(lines, row.Where(s => s[0].StartBaseLine.X < x == side).SelectMany(s => s).ToList(), page.Number, page.Width);
        }
        else
        {
            foreach (var row in segmented) AddLine(lines, row.SelectMany(s => s).ToList(), page.Number, page.Width);
        }
        return lines;
    }

    /// <summary>A row's runs of letters, split where the gap is wider than a few characters.</summary>
    private static List<List<Letter>> Segments(List<Letter> row)
    {
        var segments = new List<List<Letter>> { new() };
        Letter? last = null;
        foreach (var letter in row)
        {
            if (last is not null && !string.IsNullOrWhiteSpace(letter.Value) && letter.StartBaseLine.X - last.EndBaseLine.X > Math.Max(letter.PointSize, 1) * 2.5)
                segments.Add([]);
            segments[^1].Add(letter);
            if (!string.IsNullOrWhiteSpace(letter.Value)) last = letter;
        }
        return segments.Where(s => s.Count > 0).ToList();
    }

    /// <summary>The x of a gutter that splits most rows of the page in two, near its middle, or null for one column.</summary>
    private static double? Gutter(List<List<List<Letter>>> rows, double width)
    {
        var split = rows.Where(r => r.Count == 2).Select(r => (r[0].Max(l => l.EndBaseLine.X) + r[1][0].StartBaseLine.X) / 2)
            .Where(x => x > width * 0.3 && x < width * 0.7).ToList();
        if (rows.Count < 6 || split.Count < rows.Count * 0.4) return null;
        var median = split.Order().ElementAt(split.Count / 2);
        return split.Count(x => Math.Abs(x - median) < width * 0.05) >= rows.Count * 0.4 ? median : null;
    }

    private static void AddLine(List<TextLine> lines, List<Letter> letters, int page, double pageWidth)
    {
        var visible = letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        if (visible.Count == 0) return;
        var sb = new StringBuilder();
        Letter? last = null;
        foreach (var letter in letters)
        {
            if (string.IsNullOrWhiteSpace(letter.Value))
            {
                if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
                continue;
            }
            // Words set apart without a space character still read as words, and runs set far apart (a tab stop) as a tab.
            var gap = last is null ? 0 : letter.StartBaseLine.X - last.EndBaseLine.X;
            // (Spaces between Chinese characters are layout and go later; in a heading they separate its parts.)
            if (last is not null && sb.Length > 0 && sb[^1] != ' ' && gap > letter.PointSize * 0.2) sb.Append(gap > letter.PointSize * 2.5 ? '\t' : ' ');
            sb.Append(letter.Value);
            last = letter;
        }
        var sizes = visible.Select(l => l.PointSize).Order().ToList();
        var bold = visible.Count(IsBold) * 2 > visible.Count;
        var text = sb.ToString().Trim();
        if (text.Length == 0) return;
        lines.Add(new TextLine(text, page, visible.Min(l => l.BoundingBox.Left), visible.Max(l => l.BoundingBox.Right),
            visible[0].StartBaseLine.Y, sizes[sizes.Count / 2], bold, pageWidth));
    }

    private static bool IsBold(Letter letter)
    {
        if (letter.FontDetails is { IsBold: true } || letter.FontDetails?.Weight >= 600) return true;
        var name = letter.FontName ?? "";
        return name.Contains("Bold", StringComparison.OrdinalIgnoreCase) || name.Contains("Black", StringComparison.OrdinalIgnoreCase)
            || name.Contains("Heavy", StringComparison.OrdinalIgnoreCase) || name.Contains("Hei", StringComparison.OrdinalIgnoreCase);
    }

    private static bool Contains(PdfRectangle outer, PdfRectangle inner)
    {
        var x = (inner.Left + inner.Right) / 2;
        var y = (inner.Top + inner.Bottom) / 2;
        return x >= outer.Left - 1 && x <= outer.Right + 1 && y >= outer.Bottom - 1 && y <= outer.Top + 1;
    }

}

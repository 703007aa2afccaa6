using System.Globalization;
using StudyPortal.Importer.Formats;
using StudyPortal.Importer.Model;

namespace StudyPortal.Importer.Structure;

/// <summary>Reads the title block: short lines before the first body text, table of contents or article marker.</summary>
internal static class TitleBlockReader
{
    private const int MaxLines = 6;
    private const int MaxLength = 80;

    public static TitleBlock Read(IReadOnlyList<RawBlock> blocks)
    {
        // A document that opens with a Markdown heading is titled by it; the structure builder reads it as an article too.
        if (blocks.Count > 0 && blocks[0].HeadingLevel is not null)
            return new TitleBlock(null, null, null, null, null, 0);

        var lines = new List<string>();
        var i = 0;
        for (; i < blocks.Count && lines.Count < MaxLines; i++)
        {
            var b = blocks[i];
            var text = CjkText.NormalizeHeading(b.Text);
            if (b.HeadingLevel is not null || b.IsQuote || b.IsListItem || b.IsBold) break;
            if (LinePatterns.TocHeader().IsMatch(CjkText.WithoutSpaces(text)) || LinePatterns.ArticleMarker().IsMatch(text)) break;
            if (text.Length > MaxLength || text.AsSpan().IndexOfAny("。！？；：，") >= 0 && !LinePatterns.DateLine().IsMatch(text)) break;
            // In narrow newspaper columns a body line can be short: it is body if the next line continues it.
            if (i + 1 < blocks.Count && StartsWithClosingPunctuation(blocks[i + 1].Text)) break;
            lines.Add(text);
        }
        // The last candidate line may be the first line of the body (narrow columns); keep it only if it is not followed by an open sentence.
        if (lines.Count == 0) return new TitleBlock(null, null, null, null, null, 0);

        string? title = null, subtitle = null, series = null, organisation = null;
        PartialDate? date = null;
        foreach (var line in lines)
        {
            var compact = CjkText.WithoutSpaces(line);
            var dateMatch = LinePatterns.DateLine().Match(compact);
            if (date is null && dateMatch.Success && ToDate(dateMatch) is { } parsedDate)
            {
                date = parsedDate;
                continue;
            }
            if (series is null && title is null && LinePatterns.SeriesLine().IsMatch(compact) && lines.Count > 1)
            {
                series = line;
                continue;
            }
            if (organisation is null && title is not null && compact.Length <= 40 && LinePatterns.OrganisationLine().IsMatch(compact))
            {
                organisation = compact;
                continue;
            }
            if (title is null) title = line;
            else subtitle = subtitle is null ? line : $"{subtitle} {line}";
        }
        return new TitleBlock(title, subtitle, series, organisation, date, lines.Count);
    }

    public static bool StartsWithClosingPunctuation(string text)
    {
        var t = text.TrimStart();
        return t.Length > 0 && t[0] is '”' or '’' or '）' or '》' or '，' or '。' or '、' or '；' or '：' or '！' or '？' or ',' or '.' or ';' or ':' or '」' or '』';
    }

    public static PartialDate? ToDate(System.Text.RegularExpressions.Match m)
    {
        var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        int? month = m.Groups["month"].Success ? int.Parse(m.Groups["month"].Value, CultureInfo.InvariantCulture) : null;
        int? day = m.Groups["day"].Success ? int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture) : null;
        return PartialDate.IsValid(year, month, day) ? new PartialDate(year, month, day) : null;
    }
}

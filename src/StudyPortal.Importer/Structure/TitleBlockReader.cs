using System.Globalization;
using System.Text.RegularExpressions;
using StudyPortal.Importer.Formats;
using StudyPortal.Importer.Model;

namespace StudyPortal.Importer.Structure;

/// <summary>
/// Reads the title block: the short lines before the first body text, table of contents or article marker. It tells
/// the title (a headline of several lines joined with spaces, decorative brackets and an `原标题：` prefix removed)
/// from what stands around it: a column label (栏目) above it, a series, the issuer or author, a byline, a date.
/// A document that opens with a Markdown heading is titled by that heading; the byline and date under it are still read.
/// </summary>
internal static partial class TitleBlockReader
{
    private const int MaxLines = 6;
    private const int MaxLength = 80;

    public static TitleBlock Read(IReadOnlyList<RawBlock> blocks)
    {
        // Lines the format marks as the title (Word's Title style, a PDF's large opening lines) are title lines,
        // read like any others (a series line, brackets, 原标题) but never mistaken for body.
        var formatTitle = blocks.TakeWhile(b => b.IsTitle).Count();
        var headingTitled = formatTitle == 0 && blocks.Count > 0 && blocks[0].HeadingLevel is not null;
        var lines = new List<(int Index, string Text)>();
        var wrapWidth = WrappedLineJoiner.WrapWidth(blocks);
        for (var i = 0; i < formatTitle; i++)
        {
            var text = CjkText.NormalizeHeading(blocks[i].Text);
            if (LinePatterns.TocHeader().IsMatch(CjkText.WithoutSpaces(text)) || LinePatterns.ArticleMarker().IsMatch(text) || LinePatterns.Bullet().IsMatch(text))
            {
                formatTitle = i;
                break;
            }
            lines.Add((i, text));
        }
        for (var i = Math.Max(formatTitle, headingTitled ? 1 : 0); i < blocks.Count && lines.Count < MaxLines + formatTitle; i++)
        {
            var b = blocks[i];
            // In hard-wrapped text a line cut at the wrap's width goes on: body, not a title line.
            if (lines.Count > 0 && wrapWidth is int w && b.Width >= w - 1) break;
            var text = CjkText.NormalizeHeading(b.Text);
            if (b.HeadingLevel is not null || b.IsQuote || b.IsListItem || b.IsBold && lines.Count > 0) break;
            if (LinePatterns.TocHeader().IsMatch(CjkText.WithoutSpaces(text)) || LinePatterns.ArticleMarker().IsMatch(text)) break;
            if (IsNumberedHeading(text) || StructureWords().IsMatch(CjkText.WithoutSpaces(text))) break;
            // Under a Markdown heading only metadata lines belong to the title block.
            if (headingTitled && !IsMetadata(text, afterTitle: true) && !(lines.Count == 0 && !b.IsBold && PersonName().IsMatch(text))) break;
            if (text.Length > MaxLength || text.AsSpan().IndexOfAny("。！？；，") >= 0 && !IsMetadata(text, afterTitle: lines.Count > 0)) break;
            // A headline may name its speaker before a colon (`习近平：以钉钉子精神抓好改革落实`); a later line with one is body.
            if (text.Contains('：') && lines.Count > 0 && !IsMetadata(text, afterTitle: true) && !OriginalTitle().IsMatch(text)) break;
            if (text.EndsWith('：') && lines.Count == 0) break;
            if (LinePatterns.Bullet().IsMatch(text)) break;
            // In narrow newspaper columns a body line can be short: it is body if the next line continues it.
            if (i + 1 < blocks.Count && StartsWithClosingPunctuation(blocks[i + 1].Text)) break;
            lines.Add((i, text));
        }
        var block = new TitleBlock();
        if (lines.Count == 0) return block;

        var titleLines = new List<string>();
        var dateFromLine = false;
        for (var k = 0; k < lines.Count; k++)
        {
            var (index, line) = lines[k];
            var compact = CjkText.WithoutSpaces(line);
            var hasTitle = titleLines.Count > 0 || headingTitled;
            var more = k + 1 < lines.Count;
            block.Consumed.Add(index);
            if (!hasTitle && LinePatterns.DocumentNumber().IsMatch(compact))
            {
                block.SetAside.Add((blocks[index].Line, blocks[index].Text, "document number"));
                continue;
            }
            var dateMatch = LinePatterns.DateLine().Match(compact);
            if (dateMatch.Success && ToDate(dateMatch) is { } parsedDate)
            {
                // A date line says the document's date; it outranks a source line's, and a second one changes nothing.
                if (!dateFromLine) (block.Date, dateFromLine) = (parsedDate, true);
                // A time of day (`2024-03-01 08:30`) has no field of its own: the line is kept aside.
                if (compact.Contains(':')) block.SetAside.Add((blocks[index].Line, blocks[index].Text, "date line"));
                continue;
            }
            if (OriginalTitle().Match(line) is { Success: true } original)
            {
                // Under a headline the original title is kept aside; as the first line it is the title.
                block.SetAside.Add((blocks[index].Line, blocks[index].Markdown ?? blocks[index].Text, "original title"));
                if (!hasTitle) titleLines.Add(original.Groups["title"].Value.Trim());
                continue;
            }
            if (hasTitle && LinePatterns.SourceLine().Match(line) is { Success: true } source)
            {
                if (source.Groups["name"].Value.Trim() is { Length: > 0 } name) block.Source ??= name;
                block.Date ??= LinePatterns.SourceDate(source);
                block.SetAside.Add((blocks[index].Line, blocks[index].Markdown ?? blocks[index].Text, "source line"));
                continue;
            }
            if (hasTitle && Byline().Match(compact) is { Success: true } byline)
            {
                block.Author ??= byline.Groups["name"].Success && byline.Groups["name"].Length > 0 ? byline.Groups["name"].Value : compact;
                block.SetAside.Add((blocks[index].Line, blocks[index].Markdown ?? blocks[index].Text, "byline"));
                continue;
            }
            var unbracketed = Unbracket(line);
            if (!hasTitle && unbracketed != line && more && !IsMetadataAt(lines, k + 1))
            {
                // A bracketed line above further title lines is the column (栏目) the piece ran in.
                if (block.Series is null && LinePatterns.SeriesLine().IsMatch(unbracketed)) block.Series = unbracketed;
                else block.SetAside.Add((blocks[index].Line, blocks[index].Markdown ?? blocks[index].Text, "column label"));
                continue;
            }
            line = unbracketed;
            compact = CjkText.WithoutSpaces(line);
            if (block.Series is null && !hasTitle && LinePatterns.SeriesLine().IsMatch(compact) && more && !IsMetadataAt(lines, k + 1))
            {
                block.Series = line;
                continue;
            }
            if (block.Organisation is null && hasTitle && compact.Length <= 40 && LinePatterns.OrganisationLine().IsMatch(compact))
            {
                block.Organisation = compact;
                continue;
            }
            if (hasTitle && PersonName().IsMatch(line) && !more)
            {
                block.Author ??= compact;
                block.SetAside.Add((blocks[index].Line, blocks[index].Markdown ?? blocks[index].Text, "byline"));
                continue;
            }
            if (headingTitled) break;
            var sameTitleFormat = blocks[index].IsTitle && index > 0 && blocks[index - 1].IsTitle;
            if (titleLines.Count == 0 || sameTitleFormat || JoinsHeadline(titleLines[^1], line, more && !IsMetadataAt(lines, k + 1), RecursLater(blocks, index)))
                titleLines.Add(line);
            else
                block.Subtitle = block.Subtitle is null ? line : $"{block.Subtitle} {line}";
        }
        if (titleLines.Count > 0 && block.Title is null) block.Title = CjkText.NormalizeHeading(string.Join(' ', titleLines));
        // A series line with no title after it is the title (`党纪学习教育学习资料` / issuer / date): never guess the series from a title.
        if (block.Title is null && block.Series is not null) (block.Title, block.Series) = (block.Series, null);
        return block;
    }

    /// <summary>
    /// A headline's further lines (肩题 / 主题 / 副题) belong to the title: after a kicker that ends in a speech verb,
    /// a line that opens with —— or ends in a news verb, or a line with more title lines after it. A last line that
    /// is none of these, or that the body repeats as a heading (a page banner), is a subtitle.
    /// </summary>
    private static bool JoinsHeadline(string previous, string line, bool moreTitleLines, bool recursLater) =>
        !recursLater && (KickerEnd().IsMatch(previous) || line.StartsWith("——", StringComparison.Ordinal) || NewsDeck().IsMatch(line) || moreTitleLines);

    private static bool RecursLater(IReadOnlyList<RawBlock> blocks, int index)
    {
        var text = CjkText.WithoutSpaces(blocks[index].Text);
        for (var j = index + 1; j < blocks.Count; j++)
            if (CjkText.WithoutSpaces(blocks[j].Text) == text) return true;
        return false;
    }

    private static bool IsMetadataAt(List<(int Index, string Text)> lines, int k) => IsMetadata(lines[k].Text, afterTitle: true);

    /// <summary>A line that names the piece's date, author or origin rather than being part of its title.</summary>
    private static bool IsMetadata(string text, bool afterTitle)
    {
        var compact = CjkText.WithoutSpaces(text);
        return LinePatterns.DateLine().IsMatch(compact) || OriginalTitle().IsMatch(text) || afterTitle && LinePatterns.SourceLine().IsMatch(text)
            || afterTitle && (Byline().IsMatch(compact) || LinePatterns.OrganisationLine().IsMatch(compact) && compact.Length <= 40);
    }

    private static bool IsNumberedHeading(string text) =>
        LinePatterns.ChineseNumberedHeading().IsMatch(text) || LinePatterns.ParenthesizedNumberedHeading().IsMatch(text)
        || LinePatterns.ChapterHeading().IsMatch(text + " ") || LinePatterns.SignalHeading().IsMatch(text);

    /// <summary>`【2024年3月学习材料】` → `2024年3月学习材料`; a line that is not wholly bracketed is returned as it is.</summary>
    internal static string Unbracket(string line)
    {
        var m = Bracketed().Match(line);
        return m.Success ? m.Groups["inner"].Value.Trim() : line;
    }

    public static bool StartsWithClosingPunctuation(string text)
    {
        var t = text.TrimStart();
        return t.Length > 0 && t[0] is '”' or '’' or '）' or '》' or '，' or '。' or '、' or '；' or '：' or '！' or '？' or ',' or '.' or ';' or ':' or '」' or '』';
    }

    public static PartialDate? ToDate(Match m)
    {
        var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        int? month = m.Groups["month"].Success ? int.Parse(m.Groups["month"].Value, CultureInfo.InvariantCulture) : null;
        int? day = m.Groups["day"].Success ? int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture) : null;
        return PartialDate.IsValid(year, month, day) ? new PartialDate(year, month, day) : null;
    }

    [GeneratedRegex(@"^(?:【(?<inner>[^【】]+)】|〖(?<inner>[^〖〗]+)〗|\[(?<inner>[^\[\]]+)\]|［(?<inner>[^［］]+)］)$")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"^原\s*标\s*题\s*[:：]\s*(?<title>.+)$")]
    private static partial Regex OriginalTitle();

    /// <summary>`作者：张三`, `文/李四`, `本报评论员`, `新华社记者 王五 赵六`.</summary>
    [GeneratedRegex(@"^(?:(?:作者|撰文|执笔|文|口述|整理)[:：/／](?<name>.{1,40})|(?:本报|新华社|人民日报|光明日报|经济日报|央视)?(?:特约)?(?:记者|评论员|通讯员)(?:[\p{IsCJKUnifiedIdeographs}]{2,4})*)$")]
    private static partial Regex Byline();

    /// <summary>A name alone on a line under the title: `张三`, `张 三`, `张三 李四`.</summary>
    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}](?:\s?[\p{IsCJKUnifiedIdeographs}]){1,3}(?:\s+[\p{IsCJKUnifiedIdeographs}]{2,4}){0,3}$")]
    private static partial Regex PersonName();

    [GeneratedRegex(@"(?:强调|指出|表示|要求|提出|时强调|时指出|宣布|致信|致贺信|作出重要指示|重要讲话)$")]
    private static partial Regex KickerEnd();

    [GeneratedRegex(@"(?:出席|讲话|并讲话|主持|会见|参加|发表讲话|致辞)(?:[^，。]{0,20})$")]
    private static partial Regex NewsDeck();

    /// <summary>Words that open a document's body as its first heading, never part of a title.</summary>
    [GeneratedRegex(@"^(?:前言|引言|序言|导语|编者按|编前语|按语|摘要|内容提要|开篇|正文|目录)[:：]?$")]
    private static partial Regex StructureWords();
}

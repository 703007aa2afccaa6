using System.Text.RegularExpressions;
using StudyPortal.Importer.Formats;

namespace StudyPortal.Importer.Structure;

/// <summary>
/// Puts back headings and attribution lines that a hard wrap (10–20 characters a line, as PDF columns leave text)
/// cut over several lines: `——2014年2月27日，在` / `中央网络安全和信息化领导小组` / `第一次会议上的讲话` is one attribution,
/// `# 习近平关于建设网络强国的` / `讲话` one heading. Body text needs no such help: the structure builder joins open sentences.
/// </summary>
internal static partial class WrappedLineJoiner
{
    private const int MaxAttributionLines = 5;
    private const int MaxHeadingLines = 3;
    private const int MaxHeadingLength = 60;

    public static List<RawBlock> Join(IReadOnlyList<RawBlock> blocks)
    {
        var width = WrapWidth(blocks);
        var result = new List<RawBlock>(blocks.Count);
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var j = i + 1;
            if (AttributionStart().IsMatch(block.Text))
            {
                var text = block.Text;
                while (j < blocks.Count && j - i < MaxAttributionLines && IsPlainLine(blocks[j])
                       && (!IsComplete(text, blocks[j - 1], width) || AttributionTail().IsMatch(blocks[j].Text) || IsCut(blocks[j - 1], width) && IsLastPiece(blocks[j], width)))
                    text = CjkText.JoinLines(text, blocks[j++].Text);
                result.Add(block with { Text = text });
            }
            else if (block.HeadingLevel is not null || block.IsBold || (result.Count == 0 || NumberedHeading(block.Text)) && IsCut(block, width))
            {
                var text = block.Text;
                while (j < blocks.Count && j - i < MaxHeadingLines && IsPlainLine(blocks[j]) && IsHeadingPiece(blocks[j].Text, text)
                       && (OpenEnding().IsMatch(text) || IsCut(blocks[j - 1], width) && IsLastPiece(blocks[j], width))
                       && !(j + 1 < blocks.Count && TitleBlockReader.StartsWithClosingPunctuation(blocks[j + 1].Text)))
                    text = CjkText.JoinLines(text, blocks[j++].Text);
                result.Add(block with { Text = text });
            }
            else
            {
                result.Add(block);
                continue;
            }
            i = j - 1;
        }
        return result;
    }

    /// <summary>The width a hard wrap cut most lines at, or null when the lines are not hard-wrapped.</summary>
    internal static int? WrapWidth(IReadOnlyList<RawBlock> blocks)
    {
        var lines = blocks.Where(b => b.Width >= 8).ToList();
        if (lines.Count < 10) return null;
        var mode = lines.GroupBy(b => b.Width).MaxBy(g => g.Count())!.Key;
        var atMode = lines.Where(b => b.Width >= mode - 1 && b.Width <= mode).ToList();
        // A cut falls mid-sentence far more often than at a sentence's end: short paragraphs of one length are not a wrap.
        var midSentence = atMode.Count(b => !CjkText.EndsUnit(b.Text));
        return mode <= 40 && atMode.Count >= lines.Count * 0.4 && midSentence >= atMode.Count * 0.5 ? mode : null;
    }

    /// <summary>
    /// An attribution ends in the kind of occasion or document it names (讲话, 贺信, …); a line the wrap cut can end in
    /// 时, 上 or 中 by chance (`在中` / `央网络安全…`), so those end it only on a line shorter than the wrap.
    /// </summary>
    private static bool IsComplete(string text, RawBlock last, int? width) =>
        CompleteAttribution().IsMatch(text) || !IsCut(last, width) && CompleteAtPlace().IsMatch(text);

    private static bool NumberedHeading(string text) =>
        LinePatterns.ChineseNumberedHeading().IsMatch(text) || LinePatterns.ParenthesizedNumberedHeading().IsMatch(text) || LinePatterns.ChapterHeading().IsMatch(text + " ");

    /// <summary>A line the wrap cut: as long as the wrap width (a digit or Latin letter makes a line hold one more).</summary>
    private static bool IsCut(RawBlock block, int? width) => width is int w && block.Width >= w - 1;

    private static bool IsLastPiece(RawBlock block, int? width) => width is int w && block.Width < w - 1 && block.Text.Length <= 20;

    private static bool IsPlainLine(RawBlock block) =>
        block.HeadingLevel is null && !block.IsBold && !block.IsListItem && !block.IsQuote && !block.Text.StartsWith("——", StringComparison.Ordinal);

    private static bool IsHeadingPiece(string piece, string heading) =>
        piece.Length <= 30 && heading.Length + piece.Length <= MaxHeadingLength && !CjkText.ContainsSentencePunctuation(piece)
        && !TitleBlockReader.StartsWithClosingPunctuation(piece) && piece.AsSpan().IndexOfAny("，：") < 0;

    [GeneratedRegex(@"^——\s*(?:[\p{IsCJKUnifiedIdeographs}]{2,4}\s*)?\d{4}\s*年")]
    private static partial Regex AttributionStart();

    /// <summary>An attribution that can stand as it is: it ends in the kind of occasion or document it names.</summary>
    [GeneratedRegex(@"(?:讲话|贺信|回信|致信|的信|指示|批示|报告|发言|谈话|致辞|演讲|贺词|寄语|答问|文章|序言|要点|期间|会议|座谈会|[。）)》”])$")]
    private static partial Regex CompleteAttribution();

    [GeneratedRegex(@"(?:时|上|中)$")]
    private static partial Regex CompleteAtPlace();

    /// <summary>What a wrap leaves of an attribution's end: `的讲话`, `上的讲话`, `时的讲话`.</summary>
    [GeneratedRegex(@"^(?:上|时|中)?的?(?:讲话|重要讲话|讲话要点|贺信|回信|信|指示|批示|发言|谈话|致辞|演讲)[。]?$")]
    private static partial Regex AttributionTail();

    /// <summary>A heading that cannot end where it stops: on a particle, a conjunction or an open bracket.</summary>
    [GeneratedRegex(@"(?:的|和|与|及|之|关于|在|对|把|为|向|以|从|于|将|“|《|（|、|——)$")]
    private static partial Regex OpenEnding();
}

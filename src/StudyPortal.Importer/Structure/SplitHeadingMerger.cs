using StudyPortal.Importer.Formats;
using StudyPortal.Importer.Model;

namespace StudyPortal.Importer.Structure;

/// <summary>
/// Puts back headings that a page's columns cut in half. PDF extraction of a multi-column title yields two
/// headings of the same level, each holding the top (or bottom) half of every column:
/// `# 习近平对网络安全和信息 深入贯彻党中央关于 大力推动网信` and, later, `# 化工作作出重要指示强调 网络强国的重要思想 事业高质量发展`.
/// Piece i of the first belongs with piece i of the second. Both headings get the merged text, so the second one
/// reads as "the article goes on here".
/// </summary>
internal static class SplitHeadingMerger
{
    private const int MaxPieceLength = 16;

    public static IReadOnlyList<RawBlock> Merge(IReadOnlyList<RawBlock> blocks, List<Diagnostic> diagnostics, out int merged)
    {
        merged = 0;
        var result = blocks.ToList();
        var paired = new HashSet<int>();
        for (var i = 0; i < result.Count; i++)
        {
            if (paired.Contains(i) || !IsCandidate(result[i], out var first)) continue;
            for (var j = i + 1; j < result.Count; j++)
            {
                if (paired.Contains(j) || result[j].HeadingLevel != result[i].HeadingLevel || !IsCandidate(result[j], out var second)) continue;
                if (second.Length != first.Length || result[j].Text == result[i].Text) continue;
                var text = Combine(first, second);
                diagnostics.Add(Diagnostic.Create(DiagnosticLevel.Warning, result[i].Line, "heading-halves-joined",
                    "Heading halves cut apart by columns joined (lines {0} and {1}): {2}", result[i].Line, result[j].Line, text));
                result[i] = result[i] with { Text = text };
                result[j] = result[j] with { Text = text };
                paired.Add(i);
                paired.Add(j);
                merged++;
                break;
            }
        }
        return result;
    }

    private static bool IsCandidate(RawBlock block, out string[] pieces)
    {
        pieces = block.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return block.HeadingLevel is not null
            && pieces.Length >= 2
            && block.Text.Length >= 8
            && pieces.All(p => p.Length <= MaxPieceLength && !CjkText.ContainsSentencePunctuation(p) && !IsNumbered(p));
    }

    // Numbered headings (第一章 总则, 一、目标) are whole headings that happen to contain a space.
    private static bool IsNumbered(string piece) =>
        LinePatterns.ChapterHeading().IsMatch(piece + " ") || LinePatterns.ChineseNumberedHeading().IsMatch(piece) || char.IsAsciiDigit(piece[0]);

    private static string Combine(string[] first, string[] second)
    {
        var parts = first.Zip(second, (a, b) => a + b).ToList();
        var text = string.Join(' ', parts);
        return CjkText.NormalizeHeading(text);
    }
}

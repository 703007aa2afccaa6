using System.Globalization;
using System.Text.RegularExpressions;
using StudyPortal.Importer.Model;
using StudyPortal.Importer.Structure;

namespace StudyPortal.Importer.Quotations;

/// <summary>
/// Reads an attribution that follows a quoted passage, in the forms collections use:
/// `——2018年4月20日至21日，在全国网络安全和信息化工作会议上的讲话` (date, then occasion),
/// `——在中央民族工作会议上的讲话（2021年8月27日）` (occasion, then the date in brackets),
/// `（2021年8月27日，在中央民族工作会议上的讲话）` and `（《习近平谈治国理政》第四卷，2022年6月）` (wholly in brackets).
/// </summary>
internal static partial class AttributionLineParser
{
    public sealed record Attribution(string? Speaker, PartialDate? Date, PartialDate? DateEnd, string? Occasion);

    public static Attribution? TryParse(string line)
    {
        var text = CjkText.NormalizeBody(line);
        var m = LinePatterns.AttributionLine().Match(text);
        if (m.Success) return FromMatch(m, m.Groups["occasion"].Value, m.Groups["speaker"]);

        // The other forms: a dash or a bracketed line, with a date somewhere in it and an occasion around it.
        string inner;
        if (text.StartsWith("——", StringComparison.Ordinal)) inner = text[2..];
        else if (Bracketed().Match(text) is { Success: true } b) inner = b.Groups["inner"].Value;
        else return null;
        var date = DateAnywhere().Match(inner);
        // `（《习近平谈治国理政》第三卷）`: a book without a date still attributes the passage.
        if (!date.Success) return !text.StartsWith("——", StringComparison.Ordinal) && BookOnly().IsMatch(inner) ? new Attribution(null, null, null, inner.Trim()) : null;
        var occasion = (inner[..date.Index] + " " + inner[(date.Index + date.Length)..]).Trim();
        occasion = Separators().Replace(occasion, " ").Trim();
        // A bare date in brackets is not an attribution: the occasion must name a speech, a letter, a meeting or a book.
        if (!text.StartsWith("——", StringComparison.Ordinal) && !OccasionWord().IsMatch(occasion)) return null;
        return FromMatch(date, occasion.Replace(" ", "", StringComparison.Ordinal), null);
    }

    /// <summary>A passage that ends with its attribution in brackets: `…。（2021年8月27日，在…上的讲话）`.</summary>
    public static (string Passage, Attribution Attribution)? SplitTrailing(string paragraph)
    {
        // `…。（2021年5月31日，在…的讲话）` or `…。——在…的讲话（2023年7月17日）`.
        foreach (var m in new[] { TrailingBrackets().Match(paragraph), TrailingDash().Match(paragraph) })
            if (m.Success && m.Index > 0 && TryParse(m.Value) is { } attribution) return (paragraph[..m.Index], attribution);
        return null;
    }

    private static Attribution? FromMatch(Match m, string occasionText, Group? speakerGroup)
    {
        var year = Int(m.Groups["y"])!.Value;
        var month = Int(m.Groups["m"]);
        var day = Int(m.Groups["d"]);
        if (!PartialDate.IsValid(year, month, day)) return null;
        var start = new PartialDate(year, month, day);

        PartialDate? end = null;
        if (m.Groups["y2"].Success || m.Groups["m2"].Success || m.Groups["d2"].Success)
        {
            var endYear = Int(m.Groups["y2"]) ?? year;
            var endMonth = Int(m.Groups["m2"]) ?? month;
            var endDay = Int(m.Groups["d2"]);
            if (PartialDate.IsValid(endYear, endMonth, endDay)) end = new PartialDate(endYear, endMonth, endDay);
        }
        var occasion = occasionText.Trim().TrimEnd('。').Trim();
        var speaker = speakerGroup is { Success: true } ? speakerGroup.Value : null;
        return new Attribution(speaker, start, end, occasion.Length == 0 ? null : occasion);
    }

    private static int? Int(Group g) => g.Success && g.Value.Length > 0 ? int.Parse(g.Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"^[（(](?<inner>[^（）()]+)[）)]$")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"(?<y>\d{4})年(?:(?<m>\d{1,2})月(?:(?<d>\d{1,2})日)?)?(?:\s*[至到—－\-~～]\s*(?:(?<y2>\d{4})年(?:(?<m2>\d{1,2})月)?(?:(?<d2>\d{1,2})日)?|(?<m2>\d{1,2})月(?:(?<d2>\d{1,2})日)?|(?<d2>\d{1,2})日))?")]
    private static partial Regex DateAnywhere();

    [GeneratedRegex(@"^[，,、\s]+|[，,、\s]+$|[（）()]|\s*[，,、]\s*")]
    private static partial Regex Separators();

    [GeneratedRegex(@"讲话|贺信|回信|致信|的信|指示|批示|报告|发言|谈话|致辞|演讲|贺词|寄语|答问|会议|座谈会|考察|调研|《")]
    private static partial Regex OccasionWord();

    [GeneratedRegex(@"[（(][^（）()]{6,80}[）)]$")]
    private static partial Regex TrailingBrackets();

    [GeneratedRegex(@"(?<=[。！？”])——[^—]{4,80}$")]
    private static partial Regex TrailingDash();

    [GeneratedRegex(@"^《[^》]{2,30}》[^（）()《》]{0,20}$")]
    private static partial Regex BookOnly();
}

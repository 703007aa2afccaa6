using System.Globalization;
using System.Text.RegularExpressions;
using StudyPortal.Importer.Model;
using StudyPortal.Importer.Structure;

namespace StudyPortal.Importer.Quotations;

/// <summary>
/// Reads an attribution line that follows a quoted passage:
/// `——2018年4月20日至21日，在全国网络安全和信息化工作会议上的讲话` gives a date range and an occasion.
/// </summary>
internal static class AttributionLineParser
{
    public sealed record Attribution(string? Speaker, PartialDate Date, PartialDate? DateEnd, string? Occasion);

    public static Attribution? TryParse(string line)
    {
        var m = LinePatterns.AttributionLine().Match(CjkText.NormalizeBody(line));
        if (!m.Success) return null;
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
        var occasion = m.Groups["occasion"].Value.Trim().TrimEnd('。');
        var speaker = m.Groups["speaker"].Success ? m.Groups["speaker"].Value : null;
        return new Attribution(speaker, start, end, occasion.Length == 0 ? null : occasion);
    }

    private static int? Int(Group g) => g.Success && g.Value.Length > 0 ? int.Parse(g.Value, CultureInfo.InvariantCulture) : null;
}

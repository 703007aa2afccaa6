using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace StudyPortal.Importer.Formats;

/// <summary>
/// Word's own list numbering, which is not in the paragraph's text: counts each list's levels as Word does and gives
/// the number as it is shown (`1.`, `（一）`, `①`), so it becomes the passage's enumerator like a typed number.
/// </summary>
internal sealed class WordNumbering
{
    private readonly Dictionary<int, AbstractNum> _abstracts = [];
    private readonly Dictionary<int, int> _instances = [];
    private readonly Dictionary<int, int[]> _counters = [];

    public WordNumbering(MainDocumentPart part)
    {
        var numbering = part.NumberingDefinitionsPart?.Numbering;
        if (numbering is null) return;
        foreach (var a in numbering.Elements<AbstractNum>())
            if (a.AbstractNumberId?.Value is int id) _abstracts[id] = a;
        foreach (var n in numbering.Elements<NumberingInstance>())
            if (n.NumberID?.Value is int id && n.AbstractNumId?.Val?.Value is int abstractId) _instances[id] = abstractId;
    }

    /// <summary>The shown number of a numbered paragraph (`1.`, `一、`, `●`), or null for a paragraph in no list.</summary>
    public string? Next(Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties?.NumberingProperties;
        if (properties?.NumberingId?.Val?.Value is not int numId || numId == 0) return null;
        var ilvl = properties.NumberingLevelReference?.Val?.Value ?? 0;
        if (ilvl is < 0 or > 8 || !_instances.TryGetValue(numId, out var abstractId) || !_abstracts.TryGetValue(abstractId, out var definition)) return null;
        var levels = definition.Elements<Level>().Where(l => l.LevelIndex?.Value is not null).ToDictionary(l => l.LevelIndex!.Value);
        if (!levels.TryGetValue(ilvl, out var level)) return null;

        var counters = _counters.TryGetValue(numId, out var c) ? c : _counters[numId] = new int[9];
        counters[ilvl] = counters[ilvl] == 0 ? Start(level) : counters[ilvl] + 1;
        for (var deeper = ilvl + 1; deeper < 9; deeper++) counters[deeper] = 0;

        var format = level.NumberingFormat?.Val?.Value;
        if (format == NumberFormatValues.Bullet) return "●";
        var text = level.LevelText?.Val?.Value ?? "%" + (ilvl + 1).ToString(CultureInfo.InvariantCulture) + ".";
        var sb = new StringBuilder(text);
        for (var k = 0; k <= ilvl; k++)
        {
            var shown = levels.TryGetValue(k, out var l) ? Format(Math.Max(counters[k], Start(l)), l.NumberingFormat?.Val?.Value) : "";
            sb.Replace("%" + (k + 1).ToString(CultureInfo.InvariantCulture), shown);
        }
        return sb.ToString();
    }

    private static int Start(Level level) => level.StartNumberingValue?.Val?.Value ?? 1;

    private static string Format(int n, NumberFormatValues? format)
    {
        if (format == NumberFormatValues.ChineseCounting || format == NumberFormatValues.ChineseCountingThousand
            || format == NumberFormatValues.IdeographTraditional || format == NumberFormatValues.ChineseLegalSimplified)
            return Chinese(n);
        if (format == NumberFormatValues.DecimalEnclosedCircle || format == NumberFormatValues.DecimalEnclosedCircleChinese)
            return n is >= 1 and <= 20 ? ((char)('①' + n - 1)).ToString() : n.ToString(CultureInfo.InvariantCulture);
        if (format == NumberFormatValues.LowerLetter) return ((char)('a' + (n - 1) % 26)).ToString();
        if (format == NumberFormatValues.UpperLetter) return ((char)('A' + (n - 1) % 26)).ToString();
        if (format == NumberFormatValues.DecimalFullWidth) return string.Concat(n.ToString(CultureInfo.InvariantCulture).Select(d => (char)(d - '0' + '０')));
        return n.ToString(CultureInfo.InvariantCulture);
    }

    private static string Chinese(int n)
    {
        const string digits = "零一二三四五六七八九";
        if (n is < 1 or > 99) return n.ToString(CultureInfo.InvariantCulture);
        if (n < 10) return digits[n].ToString();
        var tens = n / 10;
        var units = n % 10;
        return (tens == 1 ? "" : digits[tens].ToString()) + "十" + (units == 0 ? "" : digits[units].ToString());
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using StudyPortal.Importer.Model;

namespace StudyPortal.Importer.Editing;

/// <summary>What an admin types into a correction, checked and made one line: headings, paragraphs, names, dates.</summary>
internal static partial class EditText
{
    /// <summary>A heading or title: one line, not empty, not longer than a heading can be.</summary>
    internal static string Heading(string? text)
    {
        var line = Whitespace().Replace(text ?? "", " ").Trim();
        if (line.Length == 0) throw new StructureEditException("EmptyHeading", "A heading cannot be empty.");
        if (line.Length > EditableDocument.MaxHeadingLength) throw new StructureEditException("HeadingTooLong", "A heading is at most 500 characters.");
        return line;
    }

    internal static string ParagraphText(string? text)
    {
        var paragraph = Whitespace().Replace(text ?? "", " ").Trim();
        if (paragraph.Length == 0) throw new StructureEditException("EmptyParagraph", "A paragraph cannot be empty; delete it instead.");
        if (paragraph.Length > EditableDocument.MaxParagraphLength) throw new StructureEditException("ParagraphTooLong", "A paragraph is at most 20,000 characters.");
        return paragraph;
    }

    internal static string? Optional(string? text)
    {
        var value = Whitespace().Replace(text ?? "", " ").Trim();
        if (value.Length > EditableDocument.MaxNameLength) throw new StructureEditException("NameTooLong", "A name, series, issuer or occasion is at most 200 characters.");
        return value.Length == 0 ? null : value;
    }

    /// <summary>An empty date, or one as precise as given: 2023, 2023-07, 2023-07-06, 2023年7月6日, 2023.7.6, 2023/7/6.</summary>
    internal static string? Date(string? text)
    {
        var value = (text ?? "").Trim();
        if (value.Length == 0) return null;
        var match = DatePattern().Match(value);
        if (match.Success)
        {
            var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
            int? month = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : null;
            int? day = match.Groups["d"].Success ? int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture) : null;
            if (PartialDate.IsValid(year, month, day) && (day is null || day <= DateTime.DaysInMonth(year, month!.Value)))
                return new PartialDate(year, month, day).ToIso();
        }
        throw new StructureEditException("BadDate", $"Not a date: {value}");
    }

    // Whitespace, line breaks and control characters: an edit is one line of text.
    [GeneratedRegex(@"[\s\p{Cc}]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(?<y>\d{4})(?:(?:[-./]|年)(?<m>\d{1,2})(?:(?:[-./]|月)(?<d>\d{1,2})日?|月)?)?年?$")]
    private static partial Regex DatePattern();
}

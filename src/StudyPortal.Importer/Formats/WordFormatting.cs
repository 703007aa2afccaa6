using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace StudyPortal.Importer.Formats;

/// <summary>
/// Reads direct formatting the way a reader sees it, since many office files use no styles: a paragraph's font size
/// (its runs', else its style's, else the document default) and whether it is centred. A short paragraph set larger
/// than the body text is a heading; the largest, centred opening one is the title.
/// </summary>
internal sealed class WordFormatting
{
    private readonly Dictionary<string, Style> _styles;
    private readonly int? _defaultSize;

    public WordFormatting(MainDocumentPart part)
    {
        var styles = part.StyleDefinitionsPart?.Styles;
        _styles = styles?.Elements<Style>().Where(s => s.StyleId?.Value is not null)
            .ToDictionary(s => s.StyleId!.Value!, StringComparer.OrdinalIgnoreCase) ?? [];
        _defaultSize = ParseSize(styles?.DocDefaults?.RunPropertiesDefault?.RunPropertiesBaseStyle?.FontSize?.Val?.Value);
    }

    /// <summary>The paragraph's font size in half-points: the smallest of its text runs (a heading is large all through).</summary>
    public int? SizeOf(Paragraph paragraph)
    {
        int? smallest = null;
        var styleSize = StyleSize(paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value);
        foreach (var run in paragraph.Descendants<Run>())
        {
            if (!run.Descendants<Text>().Any(t => !string.IsNullOrWhiteSpace(t.Text))) continue;
            var size = ParseSize(run.RunProperties?.FontSize?.Val?.Value) ?? styleSize ?? _defaultSize;
            if (size is null) return null;
            smallest = smallest is null ? size : Math.Min(smallest.Value, size.Value);
        }
        return smallest;
    }

    public static bool IsCentred(Paragraph paragraph) =>
        paragraph.ParagraphProperties?.Justification?.Val?.Value is { } j && j == JustificationValues.Center;

    private int? StyleSize(string? styleId)
    {
        for (var depth = 0; styleId is not null && depth < 10 && _styles.TryGetValue(styleId, out var style); depth++)
        {
            if (ParseSize(style.StyleRunProperties?.FontSize?.Val?.Value) is int size) return size;
            styleId = style.BasedOn?.Val?.Value;
        }
        return null;
    }

    private static int? ParseSize(string? value) => int.TryParse(value, out var size) && size > 0 ? size : null;
}

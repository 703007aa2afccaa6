using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace StudyPortal.Tests;

/// <summary>
/// A Word file as offices make them: styled (Title, Heading 1–3) or formatted by hand (font size, bold, centred),
/// with Word's own list numbering. Body text is 12 pt unless a paragraph says otherwise.
/// </summary>
public sealed class DocxBuilder
{
    private readonly List<Paragraph> _paragraphs = [];
    private readonly List<(int Id, NumberFormatValues Format, string LevelText)> _lists = [];

    /// <summary>A paragraph; <paramref name="pointSize"/> sets the size by hand.</summary>
    public DocxBuilder Paragraph(string text, string? style = null, double? pointSize = null, bool bold = false, bool centred = false, int? list = null)
    {
        var properties = new ParagraphProperties();
        if (style is not null) properties.Append(new ParagraphStyleId { Val = style });
        if (list is int numId) properties.Append(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = numId }));
        if (centred) properties.Append(new Justification { Val = JustificationValues.Center });
        var runProperties = new RunProperties();
        if (bold) runProperties.Append(new Bold());
        if (pointSize is double size) runProperties.Append(new FontSize { Val = ((int)(size * 2)).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        _paragraphs.Add(new Paragraph(properties, new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve })));
        return this;
    }

    /// <summary>Defines a numbered list and returns its id for <see cref="Paragraph"/>: e.g. decimal with "%1、".</summary>
    public int List(NumberFormatValues format, string levelText)
    {
        var id = _lists.Count + 1;
        _lists.Add((id, format, levelText));
        return id;
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(new FontSize { Val = "24" }))),
                new Style(new StyleName { Val = "Title" }, new StyleRunProperties(new FontSize { Val = "44" })) { Type = StyleValues.Paragraph, StyleId = "Title" });
            foreach (var level in Enumerable.Range(1, 3))
                styles.Styles.Append(new Style(new StyleName { Val = $"heading {level}" }, new StyleRunProperties(new Bold(), new FontSize { Val = (36 - level * 4).ToString(System.Globalization.CultureInfo.InvariantCulture) }))
                    { Type = StyleValues.Paragraph, StyleId = $"Heading{level}" });
            if (_lists.Count > 0)
            {
                var numbering = main.AddNewPart<NumberingDefinitionsPart>();
                numbering.Numbering = new Numbering(
                    _lists.Select(l => (OpenXmlElement)new AbstractNum(new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = l.Format }, new LevelText { Val = l.LevelText }) { LevelIndex = 0 }) { AbstractNumberId = l.Id })
                        .Concat(_lists.Select(l => (OpenXmlElement)new NumberingInstance(new AbstractNumId { Val = l.Id }) { NumberID = l.Id })));
            }
            main.Document = new Document(new Body(_paragraphs.Select(p => (OpenXmlElement)p.CloneNode(true))));
        }
        return stream.ToArray();
    }
}

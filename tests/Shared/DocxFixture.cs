using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace StudyPortal.Tests;

public static class DocxFixture
{
    /// <summary>
    /// A .docx as an office would make it from the seed: one Word paragraph per line, Markdown headings as Word heading
    /// styles, bold-only lines as bold runs.
    /// </summary>
    public static byte[] FromText(string text)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(Enumerable.Range(1, 6).Select(i =>
                new Style(new StyleName { Val = $"heading {i}" }) { Type = StyleValues.Paragraph, StyleId = $"Heading{i}" }));
            var body = new Body();
            foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                var line = raw.Trim();
                var paragraph = new Paragraph();
                var level = line.TakeWhile(c => c == '#').Count();
                if (level is >= 1 and <= 6 && line.Length > level && line[level] == ' ')
                {
                    paragraph.ParagraphProperties = new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{level}" });
                    line = line[(level + 1)..].Trim();
                }
                if (line.StartsWith("> ", StringComparison.Ordinal)) line = line[2..];
                // **bold** spans become bold runs, as the author's formatting would be.
                var parts = line.Split("**");
                for (var i = 0; i < parts.Length; i++)
                {
                    if (parts[i].Length == 0) continue;
                    var run = new Run(new Text(parts[i]) { Space = SpaceProcessingModeValues.Preserve });
                    if (i % 2 == 1) run.RunProperties = new RunProperties(new Bold());
                    paragraph.Append(run);
                }
                body.Append(paragraph);
            }
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

}

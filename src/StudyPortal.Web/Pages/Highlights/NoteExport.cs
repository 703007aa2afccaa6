using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using StudyPortal.Web.Infrastructure;

namespace StudyPortal.Web.Pages.Highlights;

/// <summary>我的笔记 as a file to keep: Markdown, or a Word document (DocumentFormat.OpenXml), grouped by document.</summary>
public static class NoteExport
{
    /// <summary>The passage with its source, as the reader's "copy citation" gives it.</summary>
    public static string Citation(NoteList.Note note) =>
        note.DocumentTitle is null ? "" : $"——《{note.DocumentTitle}》" + (note.ArticleTitle is { Length: > 0 } a && a != note.DocumentTitle ? "，" + a : "")
            + (note.DocumentDate is { } d ? "，" + ChineseDates.Format(d) : "");

    public static string Markdown(IReadOnlyList<NoteList.Note> notes, string title, string noteLabel, string orphanedLabel)
    {
        var text = new StringBuilder().Append("# ").AppendLine(title).AppendLine();
        foreach (var document in notes.GroupBy(n => n.DocumentTitle))
        {
            text.Append("## ").AppendLine(document.Key is null ? orphanedLabel : "《" + document.Key + "》").AppendLine();
            foreach (var note in document)
            {
                foreach (var line in note.Exact.Split('\n')) text.Append("> ").AppendLine(line.TrimEnd('\r'));
                text.AppendLine(">");
                text.Append("> ").AppendLine(Citation(note)).AppendLine();
                if (note.Text is not null) text.Append("**").Append(noteLabel).Append("**：").AppendLine(note.Text.Replace("\n", "  \n", StringComparison.Ordinal)).AppendLine();
            }
        }
        return text.ToString();
    }

    public static byte[] Docx(IReadOnlyList<NoteList.Note> notes, string title, string noteLabel, string orphanedLabel)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            // Chinese text in 宋体 (SimSun) wherever Word or WPS has it, Latin in Times New Roman.
            styles.Styles = new Styles(new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = "宋体" }, new FontSize { Val = "24" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "160", Line = "360", LineRule = LineSpacingRuleValues.Auto }))));
            var body = new Body();
            body.Append(Paragraph(title, bold: true, size: "36"));
            foreach (var document in notes.GroupBy(n => n.DocumentTitle))
            {
                body.Append(Paragraph(document.Key is null ? orphanedLabel : "《" + document.Key + "》", bold: true, size: "28"));
                foreach (var note in document)
                {
                    body.Append(Paragraph(note.Exact, indent: true));
                    body.Append(Paragraph(Citation(note), indent: true, size: "21"));
                    if (note.Text is not null) body.Append(Paragraph(noteLabel + "：" + note.Text));
                }
            }
            body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1588, Right = 1588, Header = 720, Footer = 720 }));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text, bool bold = false, bool indent = false, string? size = null)
    {
        var properties = new RunProperties();
        if (bold) properties.Append(new Bold());
        if (size is not null) properties.Append(new FontSize { Val = size });
        var run = new Run(properties);
        var lines = UserText.Clean(text).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) run.Append(new Break());
            run.Append(new Text(lines[i].TrimEnd('\r')) { Space = SpaceProcessingModeValues.Preserve });
        }
        var paragraph = new Paragraph(run);
        if (indent) paragraph.PrependChild(new ParagraphProperties(new Indentation { Left = "420" }));
        return paragraph;
    }
}

using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using StudyPortal.Importer.Formats;
using StudyPortal.Importer.Model;
using StudyPortal.Tests;

namespace StudyPortal.Importer.Tests.Formats;

public sealed class WordFormatTests
{
    /// <summary>
    /// A .docx as an office would make it from the seed: one Word paragraph per line, Markdown headings as Word heading
    /// styles, bold-only lines as bold runs.
    /// </summary>
    public static byte[] DocxFromText(string text)
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

    private static IEnumerable<string> Shape(ParsedDocument d) =>
        new[] { d.Title, d.Series ?? "", d.Date?.ToString() ?? "" }
            .Concat(d.Articles.SelectMany(a => new[] { "A " + a.Title }
                .Concat(a.Sections.SelectMany(s => new[] { $"S{s.Level} {s.Heading}" }.Concat(s.Paragraphs.Select(p => p.Text))))))
            .Concat(d.Quotations.Select(q => $"Q {q.Text} {q.Date}"));

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void Docx_MadeFromASeed_ImportsToTheSameStructureAsTheText(string seed)
    {
        var path = TestPaths.Seed(seed);
        var text = System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(path));
        var parser = new DocumentParser();
        var fromText = parser.Parse(File.ReadAllBytes(path), Path.GetFileName(path));
        var fromWord = parser.Parse(DocxFromText(text), Path.ChangeExtension(Path.GetFileName(path), ".docx"));
        Assert.Equal(WordBlockReader.EncodingName, fromWord.Encoding);
        Assert.Equal(Shape(fromText), Shape(fromWord));
    }

    [Fact]
    public void BrokenDocx_IsTheImportersOwnError()
    {
        var bytes = DocxFromText("标题\n\n正文内容足够长的一段文字。");
        var truncated = bytes[..(bytes.Length / 2)];
        var error = Assert.Throws<UnreadableDocumentException>(() => new DocumentParser().Parse(truncated, "broken.docx"));
        Assert.Contains("Word", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_WithoutText_IsRefusedAsAScan()
    {
        // A one-page PDF whose page has no text (as a scanner's image-only page has none).
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        var error = Assert.Throws<UnreadableDocumentException>(() => new DocumentParser().Parse(builder.Build(), "scan.pdf"));
        Assert.Contains("scanned PDF", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SameArticle_InTwoSeeds_IsNearlyTheSame_OtherArticlesAreNot()
    {
        var booklet = SeedParsing.Parse("000");
        var article = SeedParsing.Parse("001");
        var first = ArticleFingerprint.Of(article.Articles[0]);
        Assert.True(ArticleFingerprint.Similarity(first, ArticleFingerprint.Of(booklet.Articles[1])) >= ArticleFingerprint.NearDuplicate);
        Assert.True(ArticleFingerprint.Similarity(first, ArticleFingerprint.Of(booklet.Articles[2])) < 0.2);
    }
}

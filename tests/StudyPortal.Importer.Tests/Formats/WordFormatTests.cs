using StudyPortal.Importer.Formats;
using StudyPortal.Importer.Model;
using StudyPortal.Tests;

namespace StudyPortal.Importer.Tests.Formats;

public sealed class WordFormatTests
{
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
        var fromWord = parser.Parse(DocxFixture.FromText(text), Path.ChangeExtension(Path.GetFileName(path), ".docx"));
        Assert.Equal(WordBlockReader.EncodingName, fromWord.Encoding);
        Assert.Equal(StructureShape.Of(fromText), StructureShape.Of(fromWord));
    }

    [Fact]
    public void BrokenDocx_IsTheImportersOwnError()
    {
        var bytes = DocxFixture.FromText("标题\n\n正文内容足够长的一段文字。");
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

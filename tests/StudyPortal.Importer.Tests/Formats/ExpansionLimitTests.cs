using System.Diagnostics;
using StudyPortal.Tests;

namespace StudyPortal.Importer.Tests.Formats;

/// <summary>Files small on disk that unpack to far more (issue 12, item 7) are refused before they take the memory.</summary>
public sealed class ExpansionLimitTests
{
    [Fact]
    public void Docx_WithAMillionParagraphs_IsRefusedQuickly()
    {
        var bomb = ZipBombFixture.ManyParagraphs(1_000_000);
        Assert.True(bomb.Length < 3 * 1024 * 1024, $"{bomb.Length} bytes");
        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<UnreadableDocumentException>(() => new DocumentParser().Parse(bomb, "bomb.docx"));
        Assert.Contains("paragraphs, above the limit", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), clock.Elapsed.ToString());
    }

    [Fact]
    public void Docx_WhoseTextUnpacksPastTheLimit_IsRefused()
    {
        var options = new ImportOptions { MaxExpandedBytes = 16L * 1024 * 1024 };
        var error = Assert.Throws<UnreadableDocumentException>(() => new DocumentParser(options).Parse(ZipBombFixture.HugeParagraph(8), "big.docx"));
        Assert.Contains("unpacks to more than 16 MB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Docx_WithinTheLimits_StillImports()
    {
        var options = new ImportOptions { MaxParagraphs = 100 };
        var parsed = new DocumentParser(options).Parse(ZipBombFixture.ManyParagraphs(50), "small.docx");
        Assert.Equal("Word (.docx)", parsed.Encoding);
        Assert.Throws<UnreadableDocumentException>(() => new DocumentParser(options).Parse(ZipBombFixture.ManyParagraphs(101), "small.docx"));
    }

    [Fact]
    public void Pdf_WithMorePagesThanAllowed_IsRefused()
    {
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        var font = builder.AddStandard14Font(UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14Font.Helvetica);
        for (var i = 0; i < 3; i++)
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            for (var line = 0; line < 5; line++)
                page.AddText($"Page {i}, line {line}: a sentence of body text long enough to be a paragraph.", 12, new UglyToad.PdfPig.Core.PdfPoint(50, 700 - 20 * line), font);
        }
        var pdf = builder.Build();
        Assert.NotNull(new DocumentParser(new ImportOptions { MaxPdfPages = 3 }).Parse(pdf, "three.pdf"));
        var error = Assert.Throws<UnreadableDocumentException>(() => new DocumentParser(new ImportOptions { MaxPdfPages = 2 }).Parse(pdf, "three.pdf"));
        Assert.Contains("pages, above the limit of 2 pages", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("big.txt")]
    [InlineData("big.docx")]
    public void TextBeyondTheCharacterLimit_IsRefused_InEveryFormat(string name)
    {
        var text = "学习资料\n\n" + string.Concat(Enumerable.Repeat("网络安全和信息化工作是一体之两翼、驱动之双轮。\n\n", 200));
        var bytes = name.EndsWith(".docx", StringComparison.Ordinal) ? DocxFixture.FromText(text) : System.Text.Encoding.UTF8.GetBytes(text);
        Assert.NotNull(new DocumentParser(new ImportOptions { MaxTextCharacters = 10_000 }).Parse(bytes, name));
        var error = Assert.Throws<UnreadableDocumentException>(() => new DocumentParser(new ImportOptions { MaxTextCharacters = 4_000 }).Parse(bytes, name));
        Assert.Contains("characters of text, above the limit of 4000 characters", error.Message, StringComparison.Ordinal);
    }
}

using StudyPortal.Importer;
using StudyPortal.Importer.Formats;
using StudyPortal.Importer.Model;
using StudyPortal.Tests;

namespace StudyPortal.Browser.Tests;

/// <summary>Seeds printed to PDF by Chromium import to the same structure as the text files.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PdfImportTests(BrowserPortal portal)
{
    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public async Task Pdf_PrintedFromASeed_ImportsToTheSameStructureAsTheText(string seed)
    {
        var path = TestPaths.Seed(seed);
        var bytes = File.ReadAllBytes(path);
        var pdf = await PdfFixture.FromTextAsync(portal.Browser, System.Text.Encoding.UTF8.GetString(bytes));
        PdfFixture.KeepForInspection(pdf, seed);
        var parser = new DocumentParser();
        var fromText = parser.Parse(bytes, Path.GetFileName(path));
        var fromPdf = parser.Parse(pdf, Path.ChangeExtension(Path.GetFileName(path), ".pdf"));
        Assert.Equal(PdfBlockReader.EncodingName, fromPdf.Encoding);
        Assert.Equal(StructureShape.Of(fromText), StructureShape.Of(fromPdf));
    }
}

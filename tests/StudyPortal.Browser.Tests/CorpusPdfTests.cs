using StudyPortal.Importer;
using StudyPortal.Importer.Formats;
using StudyPortal.Tests;

namespace StudyPortal.Browser.Tests;

/// <summary>
/// The importer's corpus (tests/Corpus) as PDFs made the way offices make them (wrapped paragraphs, a large title,
/// bold headings, a running header and page numbers), each checked against the same expectations as its text.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CorpusPdfTests(BrowserPortal portal)
{
    public static TheoryData<string> Documents() =>
        new(CorpusExpectation.Documents.Where(d => CorpusExpectation.Formats(d).Contains("pdf")));

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Document_PrintedToPdf_ImportsAsItsExpectationSays(string document)
    {
        var pdf = await PdfFixture.OfficeFromTextAsync(portal.Browser, CorpusExpectation.Text(document));
        PdfFixture.KeepForInspection(pdf, document);
        var parsed = new DocumentParser().Parse(pdf, Path.ChangeExtension(Path.GetFileName(document), ".pdf"));
        Assert.Equal(PdfBlockReader.EncodingName, parsed.Encoding);
        var checks = CorpusExpectation.Evaluate(document, parsed);
        Assert.True(checks.All(c => c.Passed), $"{document} as pdf:\n" + string.Join("\n", checks));
    }
}

using System.Text;
using StudyPortal.Importer.Model;
using StudyPortal.Tests;

namespace StudyPortal.Importer.Tests.Corpus;

/// <summary>
/// The importer's own corpus (tests/Corpus): documents written for each class of damage the importer must repair,
/// each checked against its <c>.expect</c> file as text (or Markdown) and as a Word file made from it. PDF is checked
/// by the browser tests, which print the same documents with Chromium.
/// </summary>
public sealed class CorpusTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var document in CorpusExpectation.Documents)
            foreach (var format in CorpusExpectation.Formats(document).Where(f => f != "pdf"))
                data.Add(document, format);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Document_ImportsAsItsExpectationSays(string document, string format)
    {
        var parsed = Parse(document, format);
        var checks = CorpusExpectation.Evaluate(document, parsed);
        Assert.NotEmpty(checks);
        Assert.True(checks.All(c => c.Passed), $"{document} as {format}:\n" + string.Join("\n", checks));
    }

    public static TheoryData<string> Documents() => new(CorpusExpectation.Documents);

    [Theory]
    [MemberData(nameof(Documents))]
    public void Document_HasNoBlankSectionWithoutAWarning(string document)
    {
        var parsed = Parse(document, "txt");
        var blank = parsed.AllSections.Where(s => s.Heading.Length > 0 && s.Paragraphs.Count == 0).ToList();
        foreach (var section in blank)
            Assert.Contains(parsed.Diagnostics, d => d.Level >= DiagnosticLevel.Warning && d.Arguments.Contains(section.Heading));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Document_KeepsItsTextApartFromRecognisedNoise(string document)
    {
        var parsed = Parse(document, "txt");
        TextAccounting.AssertNothingLost(CorpusExpectation.Text(document), parsed, document + ": ");
        Assert.True(TextAccounting.KeptShare(CorpusExpectation.Text(document), parsed) >= 0.97, document + " keeps less than 97 % of its text");
    }

    internal static ParsedDocument Parse(string document, string format)
    {
        var text = CorpusExpectation.Text(document);
        var name = Path.GetFileName(document);
        return format == "docx"
            ? new DocumentParser().Parse(DocxFixture.FromText(text), Path.ChangeExtension(name, ".docx"))
            : new DocumentParser().Parse(Encoding.UTF8.GetBytes(text), name);
    }
}

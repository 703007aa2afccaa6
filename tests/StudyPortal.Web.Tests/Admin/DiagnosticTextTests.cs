using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using StudyPortal.Importer;
using StudyPortal.Tests;

namespace StudyPortal.Web.Tests.Admin;

/// <summary>Every diagnostic the importer can give has its text in the resources, in Chinese and in English.</summary>
public sealed partial class DiagnosticTextTests
{
    private static HashSet<string> Keys(string file) =>
        XDocument.Load(Path.Combine(TestPaths.Root, "src", "StudyPortal.Web", "Resources", file)).Root!
            .Elements("data").Select(e => (string)e.Attribute("name")!).ToHashSet();

    /// <summary>The codes written in the importer's source, and those its documents actually produce (some are composed).</summary>
    private static SortedSet<string> Codes()
    {
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.Root, "src", "StudyPortal.Importer"), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            foreach (Match m in LiteralCode().Matches(File.ReadAllText(file)))
                codes.Add(m.Groups["code"].Value);
        var parser = new DocumentParser();
        foreach (var document in CorpusExpectation.Documents.Select(d => Path.Combine(CorpusExpectation.Folder, d)).Concat(TestPaths.AllSeeds))
        {
            var text = File.ReadAllText(document);
            foreach (var parsed in new[] { parser.Parse(Encoding.UTF8.GetBytes(text), Path.GetFileName(document)), parser.Parse(DocxFixture.FromText(text), "x.docx") })
                foreach (var d in parsed.Diagnostics.Where(d => d.Code is not null)) codes.Add(d.Code!);
        }
        return codes;
    }

    [Fact]
    public void EveryReasonAFileIsRefused_HasChineseAndEnglishText()
    {
        var needed = Enum.GetValues<UnreadableReason>().Where(r => r != UnreadableReason.Other).Select(r => "Upload." + r).Append("Upload.Refused").ToList();
        foreach (var file in new[] { "SharedResource.resx", "SharedResource.en.resx" })
            Assert.Empty(needed.Except(Keys(file)));
        // Every reason the importer gives is one of them: none throws without saying why.
        foreach (var source in Directory.GetFiles(Path.Combine(TestPaths.Root, "src", "StudyPortal.Importer"), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            Assert.DoesNotMatch(@"new UnreadableDocumentException\(\$?""", File.ReadAllText(source));
    }

    [Fact]
    public void EveryImporterDiagnostic_HasChineseAndEnglishText()
    {
        var codes = Codes();
        Assert.True(codes.Count >= 30, "too few diagnostic codes found: " + string.Join(", ", codes));
        foreach (var file in new[] { "SharedResource.resx", "SharedResource.en.resx" })
        {
            var keys = Keys(file);
            Assert.Empty(codes.Where(c => !keys.Contains("Diagnostic." + c)).Select(c => $"{file}: Diagnostic.{c}"));
        }
    }

    [GeneratedRegex(@"Diagnostic\.Create\(DiagnosticLevel\.\w+,\s*[^,]+,\s*""(?<code>[a-z-]*[a-z])""\s*,")]
    private static partial Regex LiteralCode();
}

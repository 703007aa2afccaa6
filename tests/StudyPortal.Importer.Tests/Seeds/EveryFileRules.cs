using System.Text.RegularExpressions;
using StudyPortal.Importer.Model;

namespace StudyPortal.Importer.Tests.Seeds;

/// <summary>The rules of docs/seed-spec.md that hold for every seed file.</summary>
public sealed partial class EveryFileRules
{
    [Theory]
    [MemberData(nameof(SeedParsing.SeedPrefixes), MemberType = typeof(SeedParsing))]
    public void Paragraphs_HaveNoLayoutSpacesBetweenCjkOrBeforeCjkPunctuation(string seed)
    {
        var document = SeedParsing.Parse(seed);
        var offenders = document.Paragraphs().Select(p => p.Text).Where(t => LayoutSpace().IsMatch(t) || t.Contains('\n')).ToList();
        Assert.Empty(offenders);
    }

    [Theory]
    [MemberData(nameof(SeedParsing.SeedPrefixes), MemberType = typeof(SeedParsing))]
    public void Paragraphs_AreNeverTableOfContentsOrSourceLines(string seed)
    {
        var document = SeedParsing.Parse(seed);
        foreach (var text in document.Paragraphs().Select(p => p.Text))
        {
            Assert.DoesNotMatch(@"\.{3,}\s*\d+$", text);
            Assert.DoesNotMatch(@"^(来源\s*[|｜:：]|（新华社）$|据新华社$)", text);
            Assert.NotEqual("目录", text.Replace(" ", "", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(SeedParsing.SeedPrefixes), MemberType = typeof(SeedParsing))]
    public void Parse_ReportsEncodingAndNeverLosesText(string seed)
    {
        var document = SeedParsing.Parse(seed);
        Assert.Equal("UTF-8", document.Encoding);
        var input = File.ReadAllText(StudyPortal.Tests.TestPaths.Seed(seed));
        TextAccounting.AssertNothingLost(input, document);
    }

    [Theory]
    [MemberData(nameof(SeedParsing.SeedPrefixes), MemberType = typeof(SeedParsing))]
    public void Quotations_PointAtParagraphsThatContainThem(string seed)
    {
        var document = SeedParsing.Parse(seed);
        foreach (var q in document.Quotations)
        {
            var paragraph = document.Articles[q.Article].Sections[q.Section].Paragraphs[q.Paragraph];
            Assert.Contains(q.Text, paragraph.Text, StringComparison.Ordinal);
            Assert.Equal(document.Articles[q.Article].Sections[q.Section].Heading is { Length: > 0 } h ? h : null, q.Theme);
        }
    }

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}，。、；：！？“”（）《》]\s+[\p{IsCJKUnifiedIdeographs}，。、；：！？“”（）《》]|\s[，。、；：！？）》”]")]
    private static partial Regex LayoutSpace();
}

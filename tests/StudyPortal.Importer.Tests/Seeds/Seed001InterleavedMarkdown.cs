using StudyPortal.Importer.Model;

namespace StudyPortal.Importer.Tests.Seeds;

/// <summary>001: Markdown from a two-article PDF page whose columns cut headings in half and interleave the texts.</summary>
public sealed class Seed001InterleavedMarkdown
{
    private const string First = "习近平对网络安全和信息化工作作出重要指示强调 深入贯彻党中央关于网络强国的重要思想 大力推动网信事业高质量发展";
    private const string Second = "向着网络强国阔步迈进——党的十八大以来我国网信事业发展综述";
    private readonly ParsedDocument _doc = SeedParsing.Parse("001");

    [Fact]
    public void HeadingHalves_AreJoinedPieceByPiece_IntoTwoArticles() =>
        Assert.Equal([First, Second], _doc.Articles.Select(a => a.Title));

    [Fact]
    public void SecondArticle_HasItsSections() =>
        Assert.Equal(["筑牢网络安全屏障", "积极参与全球互联网发展治理"], _doc.Articles[1].Headings());

    [Theory]
    [InlineData("有习近平总书记领航掌舵，有习近平新时代中国特色社会主义思想科学指引。", 1)]
    [InlineData("实施网络安全重大战略和任务，构建大网络安全工作格局", 1)]
    [InlineData("切实肩负起举旗帜聚民心、防风险保安全、强治理惠民生", 2)]
    public void FirstArticlesSentences_ReadWhole_InTheFirstArticle(string sentence, int occurrences)
    {
        Assert.Equal(occurrences, _doc.Articles[0].Paragraphs().Count(p => p.Text.Contains(sentence, StringComparison.Ordinal)));
        Assert.DoesNotContain(_doc.Articles[1].Paragraphs(), p => p.Text.Contains(sentence, StringComparison.Ordinal));
    }

    [Fact]
    public void SecondArticlesSentence_AcrossTheOtherColumn_ReadsWhole() =>
        Assert.Single(_doc.Articles[1].Paragraphs(), p => p.Text.Contains("维护网络安全是全社会的共同责任。", StringComparison.Ordinal));

    [Fact]
    public void JoinsAndUnplacedFragments_AreReported()
    {
        Assert.Equal(2, _doc.Diagnostics.Count(d => d.Message.StartsWith("Heading halves", StringComparison.Ordinal)));
        Assert.Contains(_doc.Diagnostics, d => d.Line == 67 && d.Message.Contains("continues the sentence", StringComparison.Ordinal));
        Assert.Contains(_doc.Diagnostics, d => d.Line == 23 && d.Message.Contains("kept where it stands", StringComparison.Ordinal));
    }

    [Fact]
    public void SourceLines_BecomeTheArticlesSource()
    {
        Assert.All(_doc.Articles, a => Assert.Equal("新华社", a.Source));
        Assert.DoesNotContain(_doc.Paragraphs(), p => p.Text == "（新华社）");
    }
}

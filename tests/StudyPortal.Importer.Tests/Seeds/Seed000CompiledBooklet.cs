using StudyPortal.Importer.Model;

namespace StudyPortal.Importer.Tests.Seeds;

/// <summary>000: a compiled study booklet with a title block, a table of contents and three 材料.</summary>
public sealed class Seed000CompiledBooklet
{
    private readonly ParsedDocument _doc = SeedParsing.Parse("000");

    [Fact]
    public void TitleBlock_GivesTitleSeriesIssuerAndDate()
    {
        Assert.Equal("关于“网络强国”的深刻阐述", _doc.Title);
        Assert.Equal("主题教育学习资料", _doc.Series);
        Assert.Equal("党群工作部", _doc.Issuer);
        Assert.Equal("2023-07", _doc.Date?.ToIso());
    }

    [Fact]
    public void Articles_AreExactlyThree_TitledAsInTheTableOfContents()
    {
        Assert.Equal(
            [
                "习近平总书记关于网络强国的重要思想内涵",
                "习近平对网络安全和信息化工作作出重要指示强调 深入贯彻党中央关于网络强国的重要思想 大力推动网信事业高质量发展 蔡奇出席全国网络安全和信息化工作会议并讲话",
                "建设网络强国 助力民族复兴——以习近平同志为核心的党中央引领网信事业发展述评",
            ],
            _doc.Articles.Select(a => a.Title));
        Assert.All(_doc.Articles, a => Assert.Equal("共产党员网", a.Source));
        Assert.DoesNotContain(_doc.Articles, a => a.Title.Contains("全国网 络安全", StringComparison.Ordinal));
    }

    [Fact]
    public void TableOfContents_IsDroppedAndReported()
    {
        Assert.Equal(4, _doc.Dropped.Count(d => d.Reason == "table of contents"));
        Assert.Contains(_doc.Diagnostics, d => d.Message.Contains("Table of contents", StringComparison.Ordinal) && d.Line == 13);
        Assert.DoesNotContain(_doc.Paragraphs(), p => p.Text.StartsWith("材料", StringComparison.Ordinal));
    }

    [Fact]
    public void Article3_HasTheThreeSectionsInOrder()
    {
        Assert.Equal(
            ["高瞻远瞩、审时度势，吹响建设网络强国时代号角", "谋深虑远、运筹帷幄，指引网信事业高质量发展", "人民至上、为民造福，亿万人民共享互联网发展成果"],
            _doc.Articles[2].Headings());
    }

    [Fact]
    public void LeadInLines_IntroduceTheirParagraphsAsSubheadings()
    {
        var leadIn = Assert.Single(_doc.Articles[2].Paragraphs(), p => p.Text == "提高网络综合治理能力，构建网上网下同心圆——");
        Assert.Equal(ParagraphKind.Subheading, leadIn.Kind);
    }

    [Theory]
    [InlineData("（3）明确网络强国建设的原则要求")]
    [InlineData("坚持正能量是总要求")]
    [InlineData("中央网络安全和信息化领导小组第一次会议召开")]
    [InlineData("当年2月，中央网络安全和信息化领导小组第一次会议召开，习近平总书记亲自担任组长。")]
    public void SentencesSplitByPageBreaks_AreJoinedInOneParagraph(string sentence) =>
        Assert.Equal(SeedText.Occurrences("000", sentence), _doc.Paragraphs().Count(p => p.Text.Contains(sentence, StringComparison.Ordinal)));

    [Fact]
    public void JoinsAcrossPageBreaks_AreReported() =>
        Assert.Contains(_doc.Diagnostics, d => d.Line == 99 && d.Message.Contains("line 97 joined with line 99", StringComparison.Ordinal));

    [Fact]
    public void QuotationAfterSpeakerVerb_CarriesTheSentencesDateAndPlace()
    {
        var q = Assert.Single(_doc.Quotations, q => q.Text.StartsWith("现在人类已经进入互联网时代", StringComparison.Ordinal));
        Assert.Equal("习近平", q.Speaker);
        Assert.Equal("2012-12", q.Date?.ToIso());
        Assert.Equal("在深圳考察时", q.Occasion);
        Assert.Equal(2, q.Article);
        Assert.Equal("高瞻远瞩、审时度势，吹响建设网络强国时代号角", q.Theme);
    }

    [Fact]
    public void Quotations_AreAllAttributedTo习近平_AndWholeSentences()
    {
        Assert.NotEmpty(_doc.Quotations);
        Assert.All(_doc.Quotations, q =>
        {
            Assert.Equal("习近平", q.Speaker);
            Assert.Matches("[。！？…]$", q.Text);
        });
        Assert.Contains(_doc.Quotations, q => q.Text.StartsWith("网络安全和信息化是事关国家安全和国家发展", StringComparison.Ordinal));
    }
}

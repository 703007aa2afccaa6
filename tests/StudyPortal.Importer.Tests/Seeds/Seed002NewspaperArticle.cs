using StudyPortal.Importer.Model;

namespace StudyPortal.Importer.Tests.Seeds;

/// <summary>002: one long article, then other items from the same newspaper page.</summary>
public sealed class Seed002NewspaperArticle
{
    private readonly ParsedDocument _doc = SeedParsing.Parse("002");

    [Fact]
    public void Article_HasTitleAndAuthor()
    {
        var article = Assert.Single(_doc.Articles);
        Assert.Equal("阔步迈向网络强国", article.Title);
        Assert.Equal("中央网络安全和信息化委员会办公室室务会", article.Author);
        Assert.Equal("阔步迈向网络强国", _doc.Title);
    }

    [Fact]
    public void Sections_AreTheThreeNumberedParts() =>
        Assert.Equal(
            [
                "一、高瞻远瞩、举旗定向，网络强国战略目标鲜明指引信息时代强国之路",
                "二、锚定蓝图、砥砺奋进，新时代网络强国建设取得历史性成就",
                "三、牢记使命、矢志前行，奋力谱写新征程网络强国建设崭新篇章",
            ],
            _doc.Articles[0].Headings());

    [Fact]
    public void SplitSentence_IsOneParagraph() =>
        Assert.Single(_doc.Paragraphs(), p => p.Text.Contains("网络综合治理体系基本建成，网络文明建设不断深化", StringComparison.Ordinal));

    [Theory]
    [InlineData("一线行走")]
    [InlineData("赖德求")]
    [InlineData("yxxz8494@163.com")]
    [InlineData("巡回检察")]
    [InlineData("清徐县")]
    [InlineData("李向雨摄")]
    public void OtherNewspaperItems_AreNotInTheArticle_ButListedAsDropped(string fragment)
    {
        Assert.DoesNotContain(_doc.Paragraphs(), p => p.Text.Contains(fragment, StringComparison.Ordinal));
        Assert.Contains(_doc.Dropped, d => d.Text.Contains(fragment, StringComparison.Ordinal));
    }

    [Fact]
    public void DroppingTheOtherItems_IsReported() =>
        Assert.Contains(_doc.Diagnostics, d => d.Level == DiagnosticLevel.Warning && d.Line == 61 && d.Message.Contains("newspaper page", StringComparison.Ordinal));
}

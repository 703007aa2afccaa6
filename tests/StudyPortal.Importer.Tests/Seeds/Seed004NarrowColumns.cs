using StudyPortal.Importer.Model;

namespace StudyPortal.Importer.Tests.Seeds;

/// <summary>004: a newspaper page read from narrow columns, a line break every 10–15 characters.</summary>
public sealed class Seed004NarrowColumns
{
    private readonly ParsedDocument _doc = SeedParsing.Parse("004");

    [Fact]
    public void Title_IsTheFirstLine() => Assert.Equal("全国网络安全和信息化工作会议释放六大重要信号", _doc.Title);

    [Fact]
    public void Paragraphs_ComeOutWhole()
    {
        const string sentence = "习近平总书记指出，国际网络空间治理应该坚持多边参与、多方参与，发挥政府、国际组织、互联网企业、技术社群、民间机构、公民个人等各种主体作用。";
        var paragraph = Assert.Single(_doc.Paragraphs(), p => p.Text.Contains(sentence, StringComparison.Ordinal));
        Assert.StartsWith(sentence, paragraph.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2017年我国数字经济总量达到27.2万亿元，占GDP比重达到32.9%。")]
    [InlineData("“互联网+”行动计划")]
    [InlineData("“中国制造2025”")]
    [InlineData("我国网民规模达到7.72亿")]
    public void NumbersAndLatinTokensOnTheirOwnLines_ArePutBack(string text) =>
        Assert.Single(_doc.Paragraphs(), p => p.Text.Contains(text, StringComparison.Ordinal));

    [Fact]
    public void Signals_AreHeadings_NotBodyText()
    {
        var headings = _doc.Articles.Single().Headings().ToList();
        foreach (var signal in new[] { "信号一", "信号二", "信号三", "信号四", "信号五", "信号六" })
            Assert.Single(headings, h => h.StartsWith(signal, StringComparison.Ordinal));
        foreach (var title in new[] { "树立正确的网络安全观", "核心技术是国之重器", "加快推动数字产业化", "加强党中央对网信工作的集中统一领导", "推进全球互联网治理体系变革" })
        {
            Assert.Contains(headings, h => h.EndsWith(title, StringComparison.Ordinal));
            Assert.DoesNotContain(_doc.Paragraphs(), p => p.Text == title);
        }
    }

    [Theory]
    [InlineData("信号一 树立正确的网络安全观", "习近平总书记指出，没有网络安全就没有国家安全")]
    [InlineData("信号二 核心技术是国之重器", "“核心技术是国之重器。”")]
    [InlineData("信号三 加快推动数字产业化", "习近平总书记指出，要发展数字经济")]
    [InlineData("信号四 加强党中央对网信工作的集中统一领导", "习近平总书记指出，各级领导干部")]
    [InlineData("信号五 推进全球互联网治理体系变革", "习近平总书记指出，国际网络空间治理")]
    [InlineData("信号六 网络强国战略思想形成", "习近平总书记指出，我们不断推进理论创新")]
    public void EverySignal_HasTheBodyItNames(string heading, string opening)
    {
        var section = Assert.Single(_doc.Articles.Single().Sections, s => s.Heading == heading);
        Assert.StartsWith(opening, section.Paragraphs[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void NoSection_IsBlank_AndTheRealignmentsAreReported()
    {
        Assert.DoesNotContain(_doc.AllSections, s => s.Paragraphs.Count == 0);
        Assert.Equal(4, _doc.Diagnostics.Count(d => d.Code == "heading-realigned"));
        Assert.Null(_doc.Subtitle);
    }

    [Fact]
    public void 据新华社_IsASourceLine()
    {
        Assert.Equal("新华社", _doc.Articles.Single().Source);
        Assert.DoesNotContain(_doc.Paragraphs(), p => p.Text.Contains("据新华社", StringComparison.Ordinal));
    }
}

using System.Text;
using StudyPortal.Importer.Model;

namespace StudyPortal.Importer.Tests.Rules;

/// <summary>Each structure rule on a small input of its own.</summary>
public sealed class StructureRuleTests
{
    private static ParsedDocument Parse(params string[] lines) =>
        new DocumentParser().Parse(Encoding.UTF8.GetBytes(string.Join("\n\n", lines)), "rule.txt");

    private const string Body = "这是一段足够长的正文内容，用来说明上面一行是一个标题，而不是被版面切断的句子。";

    [Theory]
    [InlineData("一、总体要求", 1)]
    [InlineData("（一）主要目标", 2)]
    [InlineData("第三章 组织实施", 1)]
    [InlineData("**加强组织领导**", 1)]
    [InlineData("## 加强组织领导", 1)]
    [InlineData("高瞻远瞩、审时度势，吹响建设网络强国时代号角", 1)]
    public void HeadingKinds_StartSections(string heading, int level)
    {
        var doc = Parse("资料标题", Body, heading, Body);
        var section = doc.Articles.Single().Sections.Single(s => s.Heading.Length > 0);
        Assert.Equal(level, section.Level);
        Assert.Equal(CjkText.NormalizeHeading(heading.Trim('*', '#', ' ')), section.Heading);
    }

    [Fact]
    public void SignalLines_AreHeadings_AndTheirShortTitlesJoinThem()
    {
        var lines = new List<string> { "六大信号", "会议释放出重要信号。" };
        for (var i = 0; i < 30; i++) lines.Add(i % 2 == 0 ? "这是报纸上很窄" : "的一栏文字。");
        lines.AddRange(["信号一", "树立正确的网络安全观", "信号二"]);
        var doc = Parse([.. lines]);
        var headings = doc.Articles.Single().Sections.Select(s => s.Heading).ToList();
        Assert.Contains("信号一 树立正确的网络安全观", headings);
        // 信号二 has no text: not a blank chapter but a subheading, with a warning.
        Assert.Contains(doc.Paragraphs(), p => p.Text == "信号二" && p.Kind == ParagraphKind.Subheading);
        Assert.Contains(doc.Diagnostics, d => d.Code == "blank-heading-merged" && d.Level == DiagnosticLevel.Warning);
    }

    [Fact]
    public void LeadInLine_IsASubheadingParagraph()
    {
        var doc = Parse("标题", Body, "提高网络综合治理能力，构建网上网下同心圆——", Body);
        Assert.Contains(doc.Articles.Single().Sections.SelectMany(s => s.Paragraphs), p => p.Kind == ParagraphKind.Subheading && p.Text.EndsWith("——", StringComparison.Ordinal));
    }

    [Fact]
    public void SentenceSplitAcrossABlankLine_IsJoinedWithoutSpace()
    {
        var doc = Parse("标题", "2014年，中国互联网发展进入第20个年头。当年2月，中", "央网络安全和信息化领导小组第一次会议召开。");
        Assert.Equal("2014年，中国互联网发展进入第20个年头。当年2月，中央网络安全和信息化领导小组第一次会议召开。",
            doc.Articles.Single().Sections.Single().Paragraphs.Single().Text);
    }

    [Fact]
    public void TableOfContents_ConfirmsTitles_AndIsDropped()
    {
        var doc = Parse("资料汇编", "目 录", "材料 1 第一篇文章.....\t1", "材料 2 第二篇 文章\t3", "材料 1", "第一篇文章", Body, "材料 2", "第二篇 文 章", Body);
        Assert.Equal(["第一篇文章", "第二篇 文章"], doc.Articles.Select(a => a.Title));
        Assert.Equal(3, doc.Dropped.Count(d => d.Reason == "table of contents"));
    }

    [Theory]
    [InlineData("来源 | 共产党员网", "共产党员网")]
    [InlineData("来源：新华网", "新华网")]
    [InlineData("（新华社）", "新华社")]
    [InlineData("据新华社", "新华社")]
    public void SourceLines_BecomeTheSource(string line, string source)
    {
        var doc = Parse("标题", Body, line);
        Assert.Equal(source, doc.Articles.Single().Source);
        Assert.DoesNotContain(doc.Articles.Single().Sections.SelectMany(s => s.Paragraphs), p => p.Text.Contains(source, StringComparison.Ordinal));
    }

    [Fact]
    public void SplitMarkdownHeadings_AreJoinedPieceByPiece()
    {
        var doc = Parse("# 向着网络强 ——党的十八大以来", Body, "# 国阔步迈进 我国网信事业发展综述", Body);
        Assert.Equal("向着网络强国阔步迈进——党的十八大以来我国网信事业发展综述", doc.Title);
    }

    [Fact]
    public void NumberedMarkdownHeadings_AreNotMistakenForHalves()
    {
        var doc = Parse("# 第一章 总则", Body, "# 第二章 目标", Body);
        Assert.Equal(["第一章 总则", "第二章 目标"], doc.Articles.Select(a => a.Title));
    }

    [Fact]
    public void MarkdownEmphasis_IsKeptForRendering_AndStrippedFromText()
    {
        var doc = Parse("标题", "这是**重点**内容，必须掌握。");
        var p = doc.Articles.Single().Sections.Single().Paragraphs.Single();
        Assert.Equal("这是重点内容，必须掌握。", p.Text);
        Assert.Equal("这是**重点**内容，必须掌握。", p.Markdown);
    }

    [Fact]
    public void TitleOnly_IsRefused() =>
        Assert.Throws<UnreadableDocumentException>(() => Parse("只有一个标题"));
}

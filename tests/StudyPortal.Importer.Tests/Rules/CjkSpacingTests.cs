namespace StudyPortal.Importer.Tests.Rules;

public sealed class CjkSpacingTests
{
    [Theory]
    [InlineData("指出 ，", "指出，")]
    [InlineData("全国网 络安全", "全国网络安全")]
    [InlineData("在 2018 年 4 月 20 日", "在2018年4月20日")]
    [InlineData("统筹推进 5G、 IPv6 等建设", "统筹推进5G、IPv6等建设")]
    [InlineData("要以 “一带一", "要以“一带一")]
    [InlineData("端倪。 ”上海", "端倪。”上海")]
    [InlineData("Windows 10 and Office", "Windows 10 and Office")]
    [InlineData("习近平总书记指出,各级领导", "习近平总书记指出，各级领导")]
    [InlineData("27.2 万亿元", "27.2万亿元")]
    public void NormalizeBody_RemovesLayoutSpaces_KeepsLatinSpacing(string input, string expected) =>
        Assert.Equal(expected, CjkText.NormalizeBody(input));

    [Theory]
    [InlineData("习近平对网络安全和信息化工作作出重要指示强调  深入贯彻", "习近平对网络安全和信息化工作作出重要指示强调 深入贯彻")]
    [InlineData("向着网络强国阔步迈进 ——党的十八大以来", "向着网络强国阔步迈进——党的十八大以来")]
    public void NormalizeHeading_KeepsSingleSpacesBetweenTitleParts(string input, string expected) =>
        Assert.Equal(expected, CjkText.NormalizeHeading(input));

    [Theory]
    [InlineData("当年2月，中", false)]
    [InlineData("这是一个完整的句子。", true)]
    [InlineData("作出这样的重要判断：", true)]
    [InlineData("提高网络综合治理能力，构建网上网下同心圆——", true)]
    [InlineData("“要把握机遇，一心一意做好这件事。”", true)]
    [InlineData("坚持“网络强国”", false)]
    [InlineData("（新华社）", true)]
    [InlineData("明确网络强国建设的战略目标，（3）", false)]
    public void EndsUnit_TellsWhetherTheNextLineContinues(string text, bool ends) => Assert.Equal(ends, CjkText.EndsUnit(text));

    [Theory]
    [InlineData("金期，", "2017", "金期，2017")]
    [InlineData("Latin", "words", "Latin words")]
    [InlineData("占", "GDP", "占GDP")]
    public void JoinLines_AddsASpaceOnlyBetweenLatinWords(string a, string b, string expected) => Assert.Equal(expected, CjkText.JoinLines(a, b));
}

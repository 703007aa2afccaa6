using StudyPortal.Importer.Formats;

namespace StudyPortal.Importer.Tests.Rules;

/// <summary>What PDF fonts do to Chinese text, and how the importer puts it back.</summary>
public sealed class PdfGlyphRuleTests
{
    [Theory]
    [InlineData("建设⽹络强国", "建设网络强国")]          // Kangxi radical ⽹ (U+2F79)
    [InlineData("⼯作⼤局", "工作大局")]
    [InlineData("聚⺠⼼、防⻛险", "聚民心、防风险")]        // CJK radicals supplement
    [InlineData("千家万⼾", "千家万户")]                  // the traditional decomposition, where the font drew the simplified form
    [InlineData("（１）全角不变，ＧＤＰ", "（１）全角不变，ＧＤＰ")] // full-width forms are left as they are
    public void Radicals_BecomeTheIdeographsTheyStandFor(string input, string expected) => Assert.Equal(expected, CjkText.FoldRadicals(input));

    [Theory]
    [InlineData("党委(党组)要", "党委（党组）要")]
    [InlineData("即:(1)明确,(2)坚持", "即：（1）明确，（2）坚持")]
    [InlineData("中国―东盟", "中国—东盟")]
    [InlineData("共1,000人 http://a.cn (note)", "共1,000人 http://a.cn (note)")]
    public void PdfPunctuation_NextToChinese_IsFullWidth(string input, string expected) => Assert.Equal(expected, PdfBlockReader.WidenPunctuation(input));
}

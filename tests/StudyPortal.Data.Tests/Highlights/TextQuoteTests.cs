using StudyPortal.Data.Highlights;

namespace StudyPortal.Data.Tests.Highlights;

public sealed class TextQuoteTests
{
    [Fact]
    public void TheHintedPlace_WinsWhenItStillReadsTheQuote()
    {
        var paragraphs = new[] { (0, "发展是第一要务，发展是硬道理。") };
        Assert.Equal(new TextQuote.Place(0, 8, 10), TextQuote.Locate(paragraphs, "发展", "第一要务，", "是硬道理", new TextQuote.Place(0, 8, 10)));
    }

    [Fact]
    public void AmongSeveralOccurrences_TheSurroundingsDecide_NotTheOldOffsets()
    {
        // Text was inserted before both occurrences: the offsets of the hint now point elsewhere.
        var paragraphs = new[] { (0, "新增的话。发展是第一要务，发展是硬道理。") };
        var (prefix, suffix) = TextQuote.Context("发展是第一要务，发展是硬道理。", 8, 10);
        Assert.Equal(new TextQuote.Place(0, 13, 15), TextQuote.Locate(paragraphs, "发展", prefix, suffix, new TextQuote.Place(0, 8, 10)));
    }

    [Fact]
    public void AQuoteThatReadsNowhere_IsNotFound()
    {
        Assert.Null(TextQuote.Locate([(0, "加强网络安全保障体系建设。")], "高质量发展", "", "", new TextQuote.Place(0, 0, 5)));
        Assert.Null(TextQuote.Locate([(0, "任何文字")], "", "", "", new TextQuote.Place(0, 0, 0)));
    }

    [Fact]
    public void Context_IsCutAtTheParagraphsEdges()
    {
        Assert.Equal(("", "是第一要务"), TextQuote.Context("发展是第一要务", 0, 2));
        var longText = new string('甲', 50) + "乙" + new string('丙', 50);
        var (prefix, suffix) = TextQuote.Context(longText, 50, 51);
        Assert.Equal(TextQuote.ContextLength, prefix.Length);
        Assert.Equal(TextQuote.ContextLength, suffix.Length);
    }
}

using StudyPortal.Importer.Quotations;

namespace StudyPortal.Importer.Tests.Rules;

public sealed class QuotationRuleTests
{
    [Theory]
    [InlineData("——2016年4月19日，在网络安全和信息化工作座谈会上的讲话", "2016-04-19", null, "在网络安全和信息化工作座谈会上的讲话")]
    [InlineData("——2018年4月20日至21日，在全国网络安全和信息化工作会议上的讲话", "2018-04-20", "2018-04-21", "在全国网络安全和信息化工作会议上的讲话")]
    [InlineData("——2017年12月3日，致第四届世界互联网大会的贺信", "2017-12-03", null, "致第四届世界互联网大会的贺信")]
    [InlineData("——2013年8月", "2013-08", null, null)]
    [InlineData("——2015年12月30日至2016年1月2日，在考察时的讲话", "2015-12-30", "2016-01-02", "在考察时的讲话")]
    public void AttributionLine_GivesDateRangeAndOccasion(string line, string date, string? end, string? occasion)
    {
        var a = AttributionLineParser.TryParse(line);
        Assert.NotNull(a);
        Assert.Equal(date, a.Date?.ToIso());
        Assert.Equal(end, a.DateEnd?.ToIso());
        Assert.Equal(occasion, a.Occasion);
    }

    [Theory]
    [InlineData("——党的十八大以来我国网信事业发展综述")]
    [InlineData("——2099年13月，不可能的日期")]
    public void NonAttributionLines_AreNotRead(string line) => Assert.Null(AttributionLineParser.TryParse(line));

    private static readonly InlineQuotationFinder Finder = new(["习近平"]);

    [Theory]
    [InlineData("习近平总书记强调：“新时代新征程，网信事业的重要地位作用日益凸显。”当前，网信事业处于关键时期。", "新时代新征程，网信事业的重要地位作用日益凸显。")]
    [InlineData("“我国已成为网络大国。”习近平总书记深刻指出：“网络安全和信息化是事关国家安全的重大战略问题。”", "网络安全和信息化是事关国家安全的重大战略问题。")]
    public void SpeakerVerbAndQuotedSentence_IsAQuotation(string text, string quote) =>
        Assert.Equal(quote, Assert.Single(Finder.Find(text)).Text);

    [Theory]
    [InlineData("总书记提出“构建网络空间命运共同体”的重大命题。")]
    [InlineData("蔡奇强调：“要牢记使命任务，细化任务举措。”")]
    [InlineData("“要把握机遇、再立新功，一心一意做好这件事。”总书记的殷切期望，令在场同志十分振奋。")]
    [InlineData("习近平总书记明确指出，要依法加强网络社会管理。")]
    public void TermsOtherSpeakersOrUnattributedQuotes_AreNotQuotations(string text) => Assert.Empty(Finder.Find(text));

    [Fact]
    public void LeadInWithDateAndPlace_QuotesTheNextParagraph()
    {
        var q = Finder.FindLeadIn("2012年12月，习近平总书记在深圳考察时作出这样的重要判断：", "“现在人类已经进入互联网时代这样一个历史阶段，这是一个世界潮流。”");
        Assert.NotNull(q);
        Assert.Equal("2012-12", q.Date?.ToIso());
        Assert.Equal("在深圳考察时", q.Occasion);
        Assert.Equal("现在人类已经进入互联网时代这样一个历史阶段，这是一个世界潮流。", q.Text);
    }
}

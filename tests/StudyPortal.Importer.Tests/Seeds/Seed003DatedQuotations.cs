using StudyPortal.Importer.Model;

namespace StudyPortal.Importer.Tests.Seeds;

/// <summary>003: a collection of dated quotations under seven themes.</summary>
public sealed class Seed003DatedQuotations
{
    private readonly ParsedDocument _doc = SeedParsing.Parse("003");

    [Fact]
    public void Title_IsTheHeading() => Assert.Equal("习近平关于建设网络强国的讲话", _doc.Title);

    [Fact]
    public void EditorsNote_IsAnIntroduction_WithoutMarkdownMarkers()
    {
        var note = _doc.Paragraphs().First();
        Assert.Equal(ParagraphKind.Introduction, note.Kind);
        Assert.StartsWith("【编前语】党的十八大以来", note.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("*", note.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(">", note.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(_doc.Quotations, q => q.Text.Contains("编前语", StringComparison.Ordinal));
    }

    [Fact]
    public void Themes_AreSevenSectionsInOrder() =>
        Assert.Equal(["把握时代大势", "明确发展路径", "以人民为中心", "保障网络安全", "营造清朗网络空间", "培养网信人才", "携手构建网络空间命运共同体"],
            _doc.Articles.Single().Headings());

    [Fact]
    public void Quotations_AreExactlyEighteen_EachWithSpeakerThemeDateAndOccasion()
    {
        Assert.Equal(18, _doc.Quotations.Count);
        Assert.All(_doc.Quotations, q =>
        {
            Assert.Equal("习近平", q.Speaker);
            Assert.NotNull(q.Theme);
            Assert.NotNull(q.Date);
            Assert.False(string.IsNullOrEmpty(q.Occasion));
        });
        Assert.Equal([3, 3, 2, 2, 3, 3, 2], _doc.Quotations.GroupBy(q => q.Theme).Select(g => g.Count()));
    }

    [Fact]
    public void FirstQuotation_ReadsItsAttributionLine()
    {
        var q = _doc.Quotations[0];
        Assert.StartsWith("信息化和经济全球化相互促进", q.Text, StringComparison.Ordinal);
        Assert.Equal("2014-02-27", q.Date?.ToIso());
        Assert.Null(q.DateEnd);
        Assert.Equal("在中央网络安全和信息化领导小组第一次会议上的讲话", q.Occasion);
        Assert.Equal("把握时代大势", q.Theme);
    }

    [Fact]
    public void DateRange_KeepsBothEnds()
    {
        var q = _doc.Quotations[2];
        Assert.StartsWith("网信事业代表着新的生产力", q.Text, StringComparison.Ordinal);
        Assert.Equal("2018-04-20", q.Date?.ToIso());
        Assert.Equal("2018-04-21", q.DateEnd?.ToIso());
    }

    [Fact]
    public void AttributionLines_AreNotParagraphs()
    {
        Assert.DoesNotContain(_doc.Paragraphs(), p => p.Text.StartsWith("——", StringComparison.Ordinal));
        Assert.Equal(18, _doc.Paragraphs().Count(p => p.Kind == ParagraphKind.Quotation));
    }
}

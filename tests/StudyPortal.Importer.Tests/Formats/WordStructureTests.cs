using DocumentFormat.OpenXml.Wordprocessing;
using StudyPortal.Importer.Model;
using StudyPortal.Tests;

namespace StudyPortal.Importer.Tests.Formats;

/// <summary>Word files read as their author formatted them: styles where there are styles, direct formatting where there are none.</summary>
public sealed class WordStructureTests
{
    private const string Body = "各级党组织要把学习贯彻工作摆在突出位置，精心组织安排，确保学习取得实效，推动各项工作落地见效。";

    private static ParsedDocument Parse(DocxBuilder docx) => new DocumentParser().Parse(docx.Build(), "office.docx");

    [Fact]
    public void TitleStyle_IsTheDocumentTitle_NeverAnEmptyArticle_AndHeadingOnesAreArticles()
    {
        var doc = Parse(new DocxBuilder()
            .Paragraph("学习资料汇编", style: "Title")
            .Paragraph("第一篇 理论学习", style: "Heading1").Paragraph(Body)
            .Paragraph("一、学深悟透", style: "Heading2").Paragraph(Body)
            .Paragraph("第二篇 实践要求", style: "Heading1").Paragraph(Body));
        Assert.Equal("学习资料汇编", doc.Title);
        Assert.Equal(["第一篇 理论学习", "第二篇 实践要求"], doc.Articles.Select(a => a.Title));
        Assert.Contains(doc.Articles[0].Sections, s => s.Heading == "一、学深悟透");
        Assert.DoesNotContain(doc.Articles, a => a.Sections.All(s => s.Paragraphs.Count == 0));
    }

    [Fact]
    public void SingleHeadingOne_UnderATitle_IsASection()
    {
        var doc = Parse(new DocxBuilder()
            .Paragraph("关于加强作风建设的意见", style: "Title")
            .Paragraph(Body)
            .Paragraph("加强组织领导", style: "Heading1").Paragraph(Body)
            .Paragraph("（一）明确责任分工", style: "Heading2").Paragraph(Body));
        var article = Assert.Single(doc.Articles);
        Assert.Equal("关于加强作风建设的意见", article.Title);
        Assert.Equal(["加强组织领导", "（一）明确责任分工"], article.Sections.Where(s => s.Heading.Length > 0).Select(s => s.Heading));
        Assert.Equal([1, 2], article.Sections.Where(s => s.Heading.Length > 0).Select(s => s.Level));
    }

    [Fact]
    public void DirectFormatting_IsReadLikeStyles()
    {
        var doc = Parse(new DocxBuilder()
            .Paragraph("坚持和发展新时代“枫桥经验”", pointSize: 22, bold: true, centred: true)
            .Paragraph(Body, pointSize: 12)
            .Paragraph("把矛盾纠纷化解在基层", pointSize: 16, bold: true)
            .Paragraph(Body, pointSize: 12)
            .Paragraph("建设更高水平的平安中国", pointSize: 16, bold: true)
            .Paragraph(Body, pointSize: 12));
        Assert.Equal("坚持和发展新时代“枫桥经验”", doc.Title);
        var article = Assert.Single(doc.Articles);
        Assert.Equal(["把矛盾纠纷化解在基层", "建设更高水平的平安中国"], article.Sections.Where(s => s.Heading.Length > 0).Select(s => s.Heading));
        Assert.DoesNotContain(doc.Paragraphs(), p => p.Text == "坚持和发展新时代“枫桥经验”");
    }

    [Fact]
    public void LargerUnboldHeadings_AndTheirLevels_ComeFromTheirSizes()
    {
        var doc = Parse(new DocxBuilder()
            .Paragraph("全面深化改革学习读本", pointSize: 22, centred: true)
            .Paragraph("第一部分 总体要求", pointSize: 18).Paragraph(Body, pointSize: 12)
            .Paragraph("改革的方向", pointSize: 15).Paragraph(Body, pointSize: 12)
            .Paragraph("第二部分 重点任务", pointSize: 18).Paragraph(Body, pointSize: 12));
        Assert.Equal("全面深化改革学习读本", doc.Title);
        var sections = Assert.Single(doc.Articles).Sections.Where(s => s.Heading.Length > 0).Select(s => (s.Heading, s.Level));
        Assert.Equal([("第一部分 总体要求", 1), ("改革的方向", 2), ("第二部分 重点任务", 1)], sections);
    }

    [Fact]
    public void WordListNumbers_BecomeEnumerators_AndAQuotationKeepsItsSpeaker()
    {
        var docx = new DocxBuilder();
        var decimalList = docx.List(NumberFormatValues.Decimal, "%1、");
        var circled = docx.List(NumberFormatValues.DecimalEnclosedCircle, "%1");
        docx.Paragraph("习近平关于调查研究的重要论述", style: "Title")
            .Paragraph("调查研究是谋事之基、成事之道。没有调查，就没有发言权，更没有决策权。", list: decimalList)
            .Paragraph("——2023年3月1日，在中央党校建校90周年庆祝大会暨2023年春季学期开学典礼上的讲话")
            .Paragraph("要在深入调研上下功夫，掌握真实情况，找准问题症结。", list: decimalList)
            .Paragraph("——2023年3月1日，在中央党校建校90周年庆祝大会暨2023年春季学期开学典礼上的讲话")
            .Paragraph("调查研究要坚持问题导向。", list: circled)
            .Paragraph("（2023年3月19日，在主题教育工作会议上的讲话）");
        var doc = Parse(docx);
        Assert.Equal(["1", "2", "①"], doc.Quotations.Select(q => q.Enumerator));
        Assert.Equal("调查研究是谋事之基、成事之道。没有调查，就没有发言权，更没有决策权。", doc.Quotations[0].Text);
        Assert.All(doc.Quotations, q => Assert.Equal("习近平", q.Speaker));
        Assert.Equal("2023-03-19", doc.Quotations[2].Date?.ToIso());
    }

    [Fact]
    public void SeparateParagraphs_OfASignatureAndABylineAreNeverMerged()
    {
        var doc = Parse(new DocxBuilder()
            .Paragraph("关于做好年度学习工作的通知", style: "Title")
            .Paragraph("作者：党委办公室")
            .Paragraph(Body)
            .Paragraph("中共某某县委组织部")
            .Paragraph("2024年3月5日"));
        Assert.Equal("中共某某县委组织部", doc.Issuer);
        Assert.Equal("2024-03-05", doc.Date?.ToIso());
        Assert.Equal(Body, Assert.Single(doc.Paragraphs()).Text);
    }
}

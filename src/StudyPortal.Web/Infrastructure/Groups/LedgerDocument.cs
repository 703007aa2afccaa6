using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Localization;

namespace StudyPortal.Web.Infrastructure.Groups;

/// <summary>
/// The 学习台账 as a Word document in the official-document layout of GB/T 9704-2012: A4; margins 37 mm top, 35 mm
/// bottom, 28 mm left, 26 mm right; the title in 2号 小标宋, the text in 3号 仿宋_GB2312 on a grid of 22 lines, with
/// 28 characters to a line; headings 一、 in 黑体 and （一） in 楷体; page numbers "— 1 —" in 4号 宋体 below the type area, on
/// the outside edge (right on odd pages, left on even ones, one character in). The font table names fallbacks
/// (altName), so Word and WPS use what the machine has.
/// </summary>
public static class LedgerDocument
{
    // Twips: 1 mm = 56.7.
    private const int PageWidth = 11906, PageHeight = 16838;
    private const int MarginTop = 2098, MarginBottom = 1984, MarginLeft = 1587, MarginRight = 1474;
    /// <summary>The page number's line sits 7 mm below the type area.</summary>
    private const int FooterDistance = 1247;
    /// <summary>225 mm of type area in 22 lines.</summary>
    private const int LinePitch = 579;
    /// <summary>
    /// 156 mm of line in 28 characters of 16 pt: each character a quarter point narrower than its size (in twentieths of a
    /// point). Set as character spacing rather than as the grid's charSpace, which LibreOffice misreads when negative.
    /// </summary>
    private const int CharacterSpacing = -5;
    private const string TitleFont = "方正小标宋简体", BodyFont = "仿宋_GB2312", HeadingFont = "黑体", SubheadingFont = "楷体_GB2312", NumberFont = "宋体";
    private const string BodySize = "32", TitleSize = "44", NumberSize = "28";

    public static byte[] Build(StudyLedger ledger, IStringLocalizer t)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddFonts(main);
            AddStyles(main);
            main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(new EvenAndOddHeaders(),
                new Compatibility(new CompatibilitySetting { Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15" }));
            var oddFooter = Footer(main, JustificationValues.Right, right: true);
            var evenFooter = Footer(main, JustificationValues.Left, right: false);

            var body = new Body();
            body.Append(Paragraph("LedgerTitle", t["Ledger.DocumentTitle", ledger.GroupName].Value));
            body.Append(Paragraph("LedgerPeriod", t["Ledger.Period", Day(ledger.From, t), Day(ledger.To, t)].Value));

            body.Append(Paragraph("Heading1", t["Ledger.Overview"].Value));
            body.Append(Paragraph("LedgerBody", t["Ledger.GroupLine", ledger.GroupName].Value + (ledger.Description is { Length: > 0 } d ? "（" + d + "）" : "")));
            body.Append(Paragraph("LedgerBody", t["Ledger.LeadersLine", string.Join("、", ledger.Leaders)].Value));
            body.Append(Paragraph("LedgerBody", t["Ledger.MembersLine", ledger.Members.Count, string.Join("、", ledger.Members)].Value));
            body.Append(Paragraph("LedgerBody", t["Ledger.SummaryLine", ledger.Assignments.Count,
                ledger.Assignments.Sum(a => a.CheckedIn.Count()), ledger.Assignments.Sum(a => a.Entries.Count)].Value));

            body.Append(Paragraph("Heading1", t["Ledger.AssignmentsHeading"].Value));
            if (ledger.Assignments.Count == 0) body.Append(Paragraph("LedgerBody", t["Ledger.NoAssignments"].Value));
            var number = 0;
            foreach (var item in ledger.Assignments)
            {
                body.Append(Paragraph("Heading2", $"（{ChineseNumber(++number)}）{item.Title}"));
                body.Append(Labelled(t["Ledger.Chapters"].Value, string.Join("；", item.Chapters)));
                body.Append(Labelled(t["Ledger.Dates"].Value, t["Ledger.DatesValue", item.AssignedOn, item.DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)].Value));
                if (item.Message is not null) body.Append(Labelled(t["Ledger.Message"].Value, item.Message));
                var done = item.CheckedIn.ToList();
                var missing = item.Missing.ToList();
                body.Append(Labelled(t["Ledger.Attendance"].Value, t["Ledger.AttendanceValue", done.Count, item.Entries.Count].Value
                    + (done.Count > 0 ? string.Join("、", done.Select(e => $"{e.Member}（{e.CheckedInAt}）")) : "")
                    + (missing.Count > 0 ? "；" + t["Ledger.NotCheckedIn", missing.Count, string.Join("、", missing.Select(e => e.Member))].Value : "")));
                foreach (var entry in done)
                {
                    body.Append(Labelled(t["Ledger.ReflectionOf", entry.Member].Value, entry.Reflection ?? t["Study.NoReflection"].Value));
                    foreach (var passage in entry.Passages)
                        body.Append(Labelled(t["Ledger.Passage"].Value, $"“{passage.Exact}”" + (passage.Note is null ? "" : $"（{passage.Note}）")));
                    if (entry.Comment is not null) body.Append(Labelled(t["Ledger.Comment"].Value, entry.Comment));
                }
            }
            body.Append(Paragraph("LedgerSignature", t["Ledger.Generated", ledger.GeneratedOn].Value));

            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(oddFooter) },
                new FooterReference { Type = HeaderFooterValues.Even, Id = main.GetIdOfPart(evenFooter) },
                new PageSize { Width = PageWidth, Height = PageHeight },
                new PageMargin { Top = MarginTop, Bottom = MarginBottom, Left = MarginLeft, Right = MarginRight, Header = 851, Footer = FooterDistance, Gutter = 0 },
                new DocGrid { Type = DocGridValues.Lines, LinePitch = LinePitch }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Paragraph Paragraph(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), Run(text));

    /// <summary>"label：text" with the label in bold; a text of several lines continues in further body paragraphs.</summary>
    private static OpenXmlElement[] Labelled(string label, string text)
    {
        var lines = text.Split('\n');
        var first = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "LedgerBody" }),
            new Run(new RunProperties(new Bold()), new Text(label + "：") { Space = SpaceProcessingModeValues.Preserve }), Run(lines[0]));
        return [first, .. lines.Skip(1).Select(line => Paragraph("LedgerBody", line))];
    }

    private static Run Run(string text) => new(new Text(UserText.Clean(text)) { Space = SpaceProcessingModeValues.Preserve });

    private static FooterPart Footer(MainDocumentPart main, JustificationValues side, bool right)
    {
        var part = main.AddNewPart<FooterPart>();
        RunProperties Number() => new(new RunFonts { Ascii = NumberFont, HighAnsi = NumberFont, EastAsia = NumberFont }, new FontSize { Val = NumberSize });
        var paragraph = new Paragraph(
            new ParagraphProperties(new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto },
                right ? new Indentation { Right = "280", RightChars = 100 } : new Indentation { Left = "280", LeftChars = 100 },
                new Justification { Val = side }),
            new Run(Number(), new Text("— ") { Space = SpaceProcessingModeValues.Preserve }),
            new SimpleField(new Run(Number(), new Text("1"))) { Instruction = " PAGE " },
            new Run(Number(), new Text(" —") { Space = SpaceProcessingModeValues.Preserve }));
        part.Footer = new Footer(paragraph);
        return part;
    }

    private static void AddFonts(MainDocumentPart main)
    {
        Font Font(string name, string alternates, FontFamilyValues family) =>
            new(new AltName { Val = alternates }, new FontCharSet { Val = "86" }, new FontFamily { Val = family }, new Pitch { Val = FontPitchValues.Variable }) { Name = name };
        main.AddNewPart<FontTablePart>().Fonts = new Fonts(
            Font(TitleFont, "方正小标宋_GBK,华文中宋,宋体", FontFamilyValues.Roman),
            Font(BodyFont, "仿宋,FangSong,STFangsong", FontFamilyValues.Roman),
            Font(HeadingFont, "SimHei,STHeiti", FontFamilyValues.Swiss),
            Font(SubheadingFont, "楷体,KaiTi,STKaiti", FontFamilyValues.Roman),
            Font(NumberFont, "SimSun,STSong", FontFamilyValues.Roman));
    }

    private static void AddStyles(MainDocumentPart main)
    {
        RunFonts Fonts(string name) => new() { Ascii = name, HighAnsi = name, EastAsia = name, ComplexScript = name };
        Style Paragraph(string id, string name, RunProperties run, ParagraphProperties paragraph) =>
            new(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new PrimaryStyle(),
                new StyleParagraphProperties(paragraph.ChildElements.Select(e => e.CloneNode(true))),
                new StyleRunProperties(run.ChildElements.Select(e => e.CloneNode(true)))) { Type = StyleValues.Paragraph, StyleId = id };
        var exact = () => new SpacingBetweenLines { Line = LinePitch.ToString(System.Globalization.CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" };
        main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(Fonts(BodyFont), new Spacing { Val = CharacterSpacing }, new FontSize { Val = BodySize }, new FontSizeComplexScript { Val = BodySize },
                    new Languages { Val = "en-US", EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(exact(), new Justification { Val = JustificationValues.Both }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Paragraph("LedgerTitle", "台账标题", new RunProperties(Fonts(TitleFont), new Spacing { Val = 0 }, new FontSize { Val = TitleSize }, new FontSizeComplexScript { Val = TitleSize }),
                new ParagraphProperties(new SpacingBetweenLines { Line = "720", LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" }, new Justification { Val = JustificationValues.Center })),
            Paragraph("LedgerPeriod", "台账时段", new RunProperties(Fonts(SubheadingFont)),
                new ParagraphProperties(new SpacingBetweenLines { Line = LinePitch.ToString(System.Globalization.CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact, Before = "0", After = LinePitch.ToString(System.Globalization.CultureInfo.InvariantCulture) }, new Justification { Val = JustificationValues.Center })),
            Paragraph("Heading1", "heading 1", new RunProperties(Fonts(HeadingFont)),
                new ParagraphProperties(new KeepNext(), new Indentation { FirstLine = "640", FirstLineChars = 200 }, new OutlineLevel { Val = 0 })),
            Paragraph("Heading2", "heading 2", new RunProperties(Fonts(SubheadingFont)),
                new ParagraphProperties(new KeepNext(), new Indentation { FirstLine = "640", FirstLineChars = 200 }, new OutlineLevel { Val = 1 })),
            Paragraph("LedgerBody", "台账正文", new RunProperties(),
                new ParagraphProperties(new Indentation { FirstLine = "640", FirstLineChars = 200 })),
            Paragraph("LedgerSignature", "台账落款", new RunProperties(),
                new ParagraphProperties(new SpacingBetweenLines { Before = LinePitch.ToString(System.Globalization.CultureInfo.InvariantCulture) }, new Indentation { Right = "1280", RightChars = 400 }, new Justification { Val = JustificationValues.Right })));
    }

    /// <summary>2026年11月1日 (or the interface language's form).</summary>
    private static string Day(DateOnly day, IStringLocalizer t) => day.ToString(t["Ledger.DateFormat"].Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>一, 二, … 十, 十一, … 九十九 (the numbering of official documents' headings).</summary>
    public static string ChineseNumber(int n)
    {
        const string digits = "〇一二三四五六七八九";
        if (n is < 1 or > 99) return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (n < 10) return digits[n].ToString();
        var tens = n / 10 == 1 ? "十" : digits[n / 10] + "十";
        return n % 10 == 0 ? tens : tens + digits[n % 10];
    }
}

using System.Text.RegularExpressions;

namespace StudyPortal.Importer.Structure;

/// <summary>The recognisable lines of Chinese study material, one pattern each.</summary>
internal static partial class LinePatterns
{
    /// <summary>`材料 1`, `材料1`, `材料一`: a compiled booklet's piece marker, alone on its line.</summary>
    [GeneratedRegex(@"^(材料|篇目|附件)\s*([0-9０-９]+|[一二三四五六七八九十]+)$")]
    public static partial Regex ArticleMarker();

    [GeneratedRegex(@"^目\s*录$|^目\s*次$|^Contents$", RegexOptions.IgnoreCase)]
    public static partial Regex TocHeader();

    /// <summary>A table-of-contents entry: text, then dot leaders, a tab or spaces, then a page number.</summary>
    [GeneratedRegex(@"^(?:(?:材料|篇目|第)\s*[0-9一二三四五六七八九十]+\s*[章节篇]?\s*)?(?<title>.+?)(?:[.．·…⋯_\-]{2,}\s*|\t+\s*|\s{2,}|\s)(?<page>[0-9]{1,4})$")]
    public static partial Regex TocEntry();

    private const string NumericDate = @"(?<y>(?:19|20)\d{2})\s*(?:年\s*(?<mo>\d{1,2})\s*月\s*(?:(?<d>\d{1,2})\s*日)?|[-/.](?<mo>\d{1,2})(?:[-/.](?<d>\d{1,2}))?)";

    /// <summary>
    /// A line naming where the text comes from, perhaps with its date: `来源 | 共产党员网`, `来源：新华网`, `（新华社）`,
    /// `据新华社`, `（来源：人民日报）`, `《人民日报》（2024年03月05日 05 版）`, `（《新闻联播》 2025年06月01日）`,
    /// `发布时间：2024-03-05 10:30 来源：人民网`.
    /// </summary>
    [GeneratedRegex(@"^(?:来源\s*[|｜:：]\s*《?(?<name>[^》]{2,30}?)》?\s*(?:" + NumericDate + @")?" +
        @"|（(?:来源[:：])?(?<name>新华社|人民日报|新华网|央视新闻|求是|光明日报|经济日报|中国青年报|人民网|共产党员网)）" +
        @"|[（(]来源[:：]\s*(?<name>[^（）()]{2,30})[）)]" +
        @"|据(?<name>新华社|人民日报|新华网|央视新闻|中新社)(?:报道|电)?" +
        @"|[（(]?《(?<name>[^》]{2,20})》\s*[（(]?\s*" + NumericDate + @"\s*(?:\d{1,2}\s*版)?\s*[）)]?[）)]?" +
        @"|(?:发布时间|时间|日期)[:：]\s*" + NumericDate + @"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:来源[:：]\s*(?<name>\S{2,30}))?)$")]
    public static partial Regex SourceLine();

    /// <summary>The date a <see cref="SourceLine"/> match carries, as precise as it is given.</summary>
    public static Model.PartialDate? SourceDate(Match source)
    {
        if (!source.Groups["y"].Success) return null;
        var year = int.Parse(source.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var month = int.Parse(source.Groups["mo"].Value, System.Globalization.CultureInfo.InvariantCulture);
        int? day = source.Groups["d"].Success ? int.Parse(source.Groups["d"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        return Model.PartialDate.IsValid(year, month, day) ? new Model.PartialDate(year, month, day) : null;
    }

    /// <summary>`一、…`, `第三章 …`, `信号一`: numbered headings with the level they imply.</summary>
    [GeneratedRegex(@"^[一二三四五六七八九十]{1,3}、\S")]
    public static partial Regex ChineseNumberedHeading();

    [GeneratedRegex(@"^[（(][一二三四五六七八九十]{1,3}[)）]\S")]
    public static partial Regex ParenthesizedNumberedHeading();

    [GeneratedRegex(@"^第[一二三四五六七八九十百零0-9]{1,4}(?:部分|单元|[章节篇部讲课])(?:\s|$|[：:])")]
    public static partial Regex ChapterHeading();

    [GeneratedRegex(@"^信号[一二三四五六七八九十]{1,3}$")]
    public static partial Regex SignalHeading();

    /// <summary>A date alone on its line: `2023年7月`, `2024年3月5日`, `2024-03-05`, `2024/3/5 08:30`.</summary>
    [GeneratedRegex(@"^(?:(?<year>\d{4})\s*年\s*(?:(?<month>\d{1,2})\s*月\s*(?:(?<day>\d{1,2})\s*日)?)?|(?<year>(?:19|20)\d{2})[-/.](?<month>\d{1,2})[-/.](?<day>\d{1,2})(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?)$")]
    public static partial Regex DateLine();

    /// <summary>An organisation name: the issuer of a booklet or the author of an article.</summary>
    [GeneratedRegex(@"(部|办公室|办|委员会|委|局|厅|处|科|中心|支部|党委|总支|工委|小组|研究院|研究所|学院|大学|学校|公司|集团|协会|联合会|室务会|编辑部|编写组|课题组|宣传部|组织部|人民政府|政府)$")]
    public static partial Regex OrganisationLine();

    [GeneratedRegex(@"(学习资料|参考资料|学习材料|学习读本|读本|汇编|选编|专题学习|主题教育|学习参考|资料)")]
    public static partial Regex SeriesLine();

    /// <summary>`——2018年4月20日至21日，在全国网络安全和信息化工作会议上的讲话`.</summary>
    [GeneratedRegex(@"^——\s*(?<speaker>[\p{IsCJKUnifiedIdeographs}]{2,4}(?=\s*\d{4}年))?\s*(?<y>\d{4})年(?:(?<m>\d{1,2})月(?:(?<d>\d{1,2})日)?)?(?:\s*[至到—－\-~～]\s*(?:(?<y2>\d{4})年(?:(?<m2>\d{1,2})月)?(?:(?<d2>\d{1,2})日)?|(?<m2>\d{1,2})月(?:(?<d2>\d{1,2})日)?|(?<d2>\d{1,2})日))?\s*[，,、]?\s*(?<occasion>.*)$")]
    public static partial Regex AttributionLine();

    /// <summary>
    /// A newspaper page's column marker (■ 一线行走): a symbol and a column's short name, nothing else. What follows
    /// it is other items on the page. A bullet with a sentence after it (◆ 坚持…，…。) is a list item, not a column.
    /// </summary>
    [GeneratedRegex(@"^[■□▌◆]\s*[\p{IsCJKUnifiedIdeographs}A-Za-z0-9]{2,8}$")]
    public static partial Regex ColumnMarker();

    /// <summary>A bulleted line: `◆ 坚持…`, `● 要…`, `★ …`, `• …`, a typed `- …`.</summary>
    [GeneratedRegex(@"^(?:[◆◇●○★☆■□▪▲△•·◎]\s*|[-–]\s+)(?=\S)")]
    public static partial Regex Bullet();

    /// <summary>A list number before a passage: `1、`, `1.`, `（1）`, `(一)`, `①`, `一、` (the number in group n).</summary>
    [GeneratedRegex(@"^(?:(?<n>\d{1,3})\s*[、.．]|[（(](?<n>\d{1,3}|[一二三四五六七八九十]{1,3})[)）]|(?<n>[①-⑳])|(?<n>[一二三四五六七八九十]{1,3})、)\s*(?=\S)")]
    public static partial Regex ListNumber();

    /// <summary>`…负责人就《…》答记者问`, `…答问`, `权威解读`: a press Q&A's title.</summary>
    [GeneratedRegex(@"(?:答记者问|答问|问答|负责人解读|权威解读)$")]
    public static partial Regex PressQuestions();

    /// <summary>A notice's addressee: organisations ending in a colon (`各党支部：`, `各省、自治区、直辖市党委组织部，中央和国家机关各部委：`).</summary>
    [GeneratedRegex(@"^(?!同志们)(?:各|全体|有关|[\p{IsCJKUnifiedIdeographs}]{2,}).*(?:委|部|厅|局|处|科|办|室|单位|机构|部门|组织|支部|党组|政府|机关|公司|学校|院|所|会|团|队|站|中心|同志)[:：]$")]
    public static partial Regex Addressee();

    /// <summary>A document number (发文字号): `中组发〔2024〕3号`, `京政发[2024]12号`.</summary>
    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}A-Za-z]{1,12}\s*[〔\[［（(]\s*(?:19|20)\d{2}\s*[〕\]］）)]\s*\d{1,4}\s*号$")]
    public static partial Regex DocumentNumber();

    /// <summary>`附件：1.学习安排表` (the list goes on `2.学习书目`).</summary>
    [GeneratedRegex(@"^附\s*件\s*[:：]")]
    public static partial Regex AttachmentList();

    /// <summary>An editor's note at the head of a piece: `编者按：…`, `【编前语】…`, `编者的话`.</summary>
    [GeneratedRegex(@"^[【\[（(]?(?:编者按|编前语|编者的话|编后语|按语)[】\]）)]?[:：]?")]
    public static partial Regex EditorsNote();

    /// <summary>A note naming the author: `（作者系某市委常委、宣传部部长）`, `（作者为本报记者）`.</summary>
    [GeneratedRegex(@"^[（(]作者(?:系|为|是|单位[:：]|[:：])(?<author>[^（）()]{2,60})[）)]$")]
    public static partial Regex AuthorNote();

    /// <summary>A news dateline: `新华社北京3月5日电（记者张三、李四）`, `本报北京2月26日电（记者张璠）`.</summary>
    [GeneratedRegex(@"^(?<agency>新华社|中新社|人民日报|央视新闻|本报)[\p{IsCJKUnifiedIdeographs}]{2,8}?\d{1,2}月\d{1,2}日电(?:[（(]记者(?<reporters>[^）)]{2,30})[）)])?")]
    public static partial Regex Dateline();

    /// <summary>The end of a contents entry: leader dots or a tab, then the page number.</summary>
    [GeneratedRegex(@"(?:[.．·…⋯_]{2,}|\t)\s*[0-9]{1,4}$")]
    public static partial Regex ContentsLeader();
}

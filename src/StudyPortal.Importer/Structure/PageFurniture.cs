using System.Text.RegularExpressions;
using StudyPortal.Importer.Formats;
using StudyPortal.Importer.Model;

namespace StudyPortal.Importer.Structure;

/// <summary>
/// What a page carries around the text and a reader never needs: page numbers, running headers repeating the
/// title, photo captions, video prompts, editor lines, and the furniture of a web page copied as text (navigation,
/// log-in links, font-size controls, share buttons, related-news lists, footers). Each kind is dropped with one
/// diagnostic that quotes what went, so the preview shows it and nothing is lost from the stored original.
/// </summary>
internal static partial class PageFurniture
{
    private const int MaxQuoted = 3;

    private enum Kind { PageNumber, RunningHeader, Caption, Editor, WebPage, RelatedList }

    public static List<RawBlock> Remove(IReadOnlyList<RawBlock> blocks, List<DroppedBlock> dropped, List<Diagnostic> diagnostics)
    {
        var kinds = new Kind?[blocks.Count];
        for (var i = 0; i < blocks.Count; i++)
        {
            kinds[i] = Classify(blocks[i]);
            // A bare number is a page number only between whole sentences; inside one it is part of the text (`达到` / `27` / `万亿元`).
            if (kinds[i] == Kind.PageNumber && BareNumber().IsMatch(blocks[i].Text.Trim())
                && !(i == 0 || kinds[i - 1] is not null || CjkText.EndsUnit(blocks[i - 1].Text)) )
                kinds[i] = null;
            if (kinds[i] == Kind.PageNumber && BareNumber().IsMatch(blocks[i].Text.Trim()) && i + 1 < blocks.Count
                && TitleBlockReader.StartsWithClosingPunctuation(blocks[i + 1].Text))
                kinds[i] = null;
        }
        MarkRunningHeaders(blocks, kinds);
        MarkRelatedLists(blocks, kinds);

        var kept = new List<RawBlock>(blocks.Count);
        var removed = new Dictionary<Kind, List<RawBlock>>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (kinds[i] is not Kind kind)
            {
                kept.Add(blocks[i]);
                continue;
            }
            (removed.TryGetValue(kind, out var list) ? list : removed[kind] = []).Add(blocks[i]);
            dropped.Add(new DroppedBlock(blocks[i].Markdown ?? blocks[i].Text, blocks[i].Line, blocks[i].Line, "page furniture"));
        }
        // Nothing but furniture would leave nothing to read: then it is not furniture.
        if (kept.Count == 0) return blocks.ToList();
        foreach (var (kind, list) in removed.OrderBy(r => r.Value[0].Line))
        {
            var quoted = string.Join("、", list.Take(MaxQuoted).Select(b => "“" + Cut(b.Text) + "”")) + (list.Count > MaxQuoted ? "…" : "");
            diagnostics.Add(Diagnostic.Create(DiagnosticLevel.Info, list[0].Line, "furniture-" + Code(kind),
                "{0} line(s) of {1} dropped, from line {2}: {3}.", list.Count, Name(kind), list[0].Line, quoted));
        }
        return kept;
    }

    private static Kind? Classify(RawBlock block)
    {
        if (block.HeadingLevel is not null) return null;
        var text = block.Text.Trim();
        var compact = CjkText.WithoutSpaces(text);
        if (PageNumber().IsMatch(compact)) return Kind.PageNumber;
        if (text.Length > 120) return null;
        if (Caption().IsMatch(compact)) return Kind.Caption;
        if (EditorLine().IsMatch(compact)) return Kind.Editor;
        if (WebFurniture().IsMatch(compact) || Breadcrumb().IsMatch(text) || LinkOnly().IsMatch((block.Markdown ?? text).Trim())) return Kind.WebPage;
        return null;
    }

    /// <summary>A short line repeated on page after page that repeats the title or series at the top: a running header.</summary>
    private static void MarkRunningHeaders(IReadOnlyList<RawBlock> blocks, Kind?[] kinds)
    {
        var top = blocks.Take(2).Select(b => CjkText.WithoutSpaces(b.Text)).Where(t => t.Length >= 4).ToHashSet();
        var groups = blocks.Select((b, i) => (Text: CjkText.WithoutSpaces(b.Text), Index: i))
            .Where(x => x.Text.Length is >= 4 and <= 40 && top.Contains(x.Text) && !CjkText.ContainsSentencePunctuation(x.Text))
            .GroupBy(x => x.Text);
        foreach (var group in groups.Where(g => g.Count() >= 3))
            foreach (var (_, index) in group.Skip(1))
                kinds[index] ??= Kind.RunningHeader;
    }

    /// <summary>`相关新闻` and the short headline lines under it: a web page's list of other articles.</summary>
    private static void MarkRelatedLists(IReadOnlyList<RawBlock> blocks, Kind?[] kinds)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            if (!RelatedHeader().IsMatch(CjkText.WithoutSpaces(blocks[i].Text))) continue;
            kinds[i] = Kind.RelatedList;
            for (var j = i + 1; j < blocks.Count && blocks[j].Text.Length <= 40 && !CjkText.ContainsSentencePunctuation(blocks[j].Text)
                                && blocks[j].HeadingLevel is null; j++)
                kinds[j] ??= Kind.RelatedList;
        }
    }

    private static string Cut(string text) => text.Length > 24 ? text[..24] + "…" : text;

    private static string Code(Kind kind) => kind switch
    {
        Kind.PageNumber => "page-number",
        Kind.RunningHeader => "running-header",
        Kind.Caption => "caption",
        Kind.Editor => "editor",
        Kind.WebPage => "web-page",
        _ => "related-list",
    };

    private static string Name(Kind kind) => kind switch
    {
        Kind.PageNumber => "page numbers",
        Kind.RunningHeader => "running headers",
        Kind.Caption => "photo and video captions",
        Kind.Editor => "editor lines",
        Kind.WebPage => "web page navigation and buttons",
        _ => "related-article lists",
    };

    /// <summary>`— 3 —`, `- 3 -`, `第 3 页`, `第3页 共12页`, `3 / 12`, `·3·`, `Page 3`.</summary>
    [GeneratedRegex(@"^(?:[—–\-－·•]+\d{1,4}[—–\-－·•]+|第\d{1,4}页(?:[,，/／]?共\d{1,4}页)?|\d{1,4}[/／]\d{1,4}|(?:Page|页码)[:：]?\d{1,4}|[-—]?\d{1,3}[-—]?)$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^\d{1,3}$")]
    private static partial Regex BareNumber();

    /// <summary>`…新华社记者 张三 摄`, `（李四 摄）`, `图为…`, `点击观看视频`, `视频：…`.</summary>
    [GeneratedRegex(@"(?:(?:记者|通讯员|摄影)[\p{IsCJKUnifiedIdeographs}·]{2,12}摄[）)]?$|(?:新华社发|人民视觉|视觉中国)[）)]?$|[（(][\p{IsCJKUnifiedIdeographs}·]{2,10}摄[）)]$|^(?:图为|图[:：]|图片[:：]|点击观看视频|点击播放|视频[:：]|▶|扫码观看))")]
    private static partial Regex Caption();

    /// <summary>`责任编辑：王五`, `（编辑：…）`, `校对：…`, `审核：…`, `监制：…`.</summary>
    [GeneratedRegex(@"^[（(【\[]?(?:责任编辑|责编|编辑|校对|审核|审校|监制|制作|统筹|策划)[:：]\S{1,30}[）)】\]]?$")]
    private static partial Regex EditorLine();

    [GeneratedRegex(@"^(?:首页|登录|注册|退出|登录注册|返回顶部|返回首页|打印本页|打印|关闭窗口|关闭|收藏本页|收藏|分享到.*|分享|【?字体[:：]?[大中小]+】?|字号[:：]?[大中小]+|扫一扫.*|手机看|手机版|上一篇.*|下一篇.*|网站地图|联系我们|关于我们|版权所有.*|Copyright.*|.*ICP备.*|.*公网安备.*|举报.*电话.*|[（(]?更新时间戳[:：].*|阅读量?[:：]?\d+|浏览次数[:：]?\d+|点赞|评论\d*|转发\d*|我要评论|发表评论|网友评论)$", RegexOptions.IgnoreCase)]
    private static partial Regex WebFurniture();

    /// <summary>`首页 > 新闻 > 时政`, `当前位置：首页 » 要闻`.</summary>
    [GeneratedRegex(@"^(?:当前位置[:：]\s*)?(?:首页|主页|网站首页)\s*[>›»→/]")]
    private static partial Regex Breadcrumb();

    /// <summary>A line that is only a Markdown link: `[查看原文](http…)`.</summary>
    [GeneratedRegex(@"^\[[^\]]{1,40}\]\([^)]+\)$")]
    private static partial Regex LinkOnly();

    [GeneratedRegex(@"^(?:相关新闻|相关阅读|相关链接|相关文章|延伸阅读|热点推荐|推荐阅读|热门文章|猜你喜欢)[:：]?$")]
    private static partial Regex RelatedHeader();
}

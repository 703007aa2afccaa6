namespace StudyPortal.Web.Pages.Read;

/// <summary>What to call a section: its heading; an untitled one is its article when it is the whole article, else the article's opening.</summary>
public static class ChapterTitles
{
    /// <summary>The chapter's own heading; an untitled section reads under its article's title.</summary>
    public static string Heading(string heading, string articleTitle) => heading.Length > 0 ? heading : articleTitle;

    /// <summary>Where an article stands: 《document》article, or just 《document》 when the document is that one article.</summary>
    public static string Place(string documentTitle, string articleTitle) =>
        articleTitle == documentTitle || articleTitle.Length == 0 ? $"《{documentTitle}》" : $"《{documentTitle}》{articleTitle}";

    /// <summary>A path of titles joined by ›, each title once (a one-article document's article bears its name).</summary>
    public static string Path(params string[] titles) =>
        string.Join(" › ", titles.Where(t => t.Length > 0).Aggregate(new List<string>(), (kept, t) =>
        {
            if (kept.Count == 0 || kept[^1] != t) kept.Add(t);
            return kept;
        }));

    public static string Label(OutlineEntry entry, string opening) =>
        entry.Heading.Length > 0 ? entry.Heading : entry.IsWholeArticle ? entry.ArticleTitle : opening;
}

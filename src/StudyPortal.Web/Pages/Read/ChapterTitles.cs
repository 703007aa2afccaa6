namespace StudyPortal.Web.Pages.Read;

/// <summary>What to call a section: its heading; an untitled one is its article when it is the whole article, else the article's opening.</summary>
public static class ChapterTitles
{
    /// <summary>The chapter's own heading; an untitled section reads under its article's title.</summary>
    public static string Heading(string heading, string articleTitle) => heading.Length > 0 ? heading : articleTitle;

    public static string Label(OutlineEntry entry, string opening) =>
        entry.Heading.Length > 0 ? entry.Heading : entry.IsWholeArticle ? entry.ArticleTitle : opening;
}

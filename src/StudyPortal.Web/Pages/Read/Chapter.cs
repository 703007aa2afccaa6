using StudyPortal.Importer.Model;

namespace StudyPortal.Web.Pages.Read;

/// <summary>Everything the reader shows for one section, read once from the database and then served from memory.</summary>
public sealed record Chapter(
    string Key,
    string Heading,
    int Level,
    int Position,
    int CharCount,
    int DocumentId,
    string DocumentTitle,
    string? DocumentDate,
    int ArticleId,
    int ArticlePosition,
    string ArticleTitle,
    string? ArticleSource,
    string? ArticleAuthor,
    IReadOnlyList<ChapterParagraph> Paragraphs,
    DocumentOutline Outline)
{
    public OutlineEntry? Previous => Position > 0 ? Outline.Sections[Position - 1] : null;
    public OutlineEntry? Next => Position + 1 < Outline.Sections.Count ? Outline.Sections[Position + 1] : null;
}

public sealed record ChapterParagraph(int Id, int Position, string Text, string? Markdown, ParagraphKind Kind, IReadOnlyList<ChapterQuotation> Quotations);

public sealed record ChapterQuotation(int Id, string Text, string? Speaker, string? Date, string? DateEnd, string? Occasion);

/// <summary>A document's sections in reading order, for the side table of contents and previous/next.</summary>
public sealed record DocumentOutline(int DocumentId, string Title, IReadOnlyList<OutlineEntry> Sections);

/// <summary>One section in the outline. <see cref="IsWholeArticle"/>: the article's only section, listed under the article's title.</summary>
public sealed record OutlineEntry(string Key, string Heading, int Level, int ArticlePosition, string ArticleTitle, int CharCount, bool IsWholeArticle);

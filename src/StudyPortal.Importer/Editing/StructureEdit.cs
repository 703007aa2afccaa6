using StudyPortal.Importer.Model;

namespace StudyPortal.Importer.Editing;

/// <summary>What an admin's correction does to a stored document's structure.</summary>
public enum EditKind
{
    Metadata,
    RenameArticle,
    RenameSection,
    SplitSection,
    MergeSection,
    ParagraphToHeading,
    HeadingToParagraph,
    MoveSection,
    SplitArticle,
    MergeArticle,
    DeleteParagraph,
    RestoreParagraph,
    EditParagraph,
    MarkQuotation,
    UnmarkQuotation,
    EditQuotation,
}

/// <summary>
/// One correction, addressed the way it can be found again after a re-import of the same text: a section by its key,
/// a paragraph by its position and the text it had (<see cref="Expected"/>), an article by its position and title.
/// Stored as JSON with the document's edit history and replayed onto a fresh parse when the admin keeps corrections.
/// </summary>
public sealed record StructureEdit(EditKind Kind)
{
    public string? Section { get; init; }
    public int? Paragraph { get; init; }
    public int? Article { get; init; }
    /// <summary>The text the target had when the edit was made: a paragraph's text, an article's title.</summary>
    public string? Expected { get; init; }
    /// <summary>The new text: a heading, a title, a paragraph.</summary>
    public string? Text { get; init; }
    public int? TargetArticle { get; init; }
    public string? Series { get; init; }
    public string? Issuer { get; init; }
    public string? Date { get; init; }
    public string? Speaker { get; init; }
    public string? Occasion { get; init; }
    public ParagraphKind? ParagraphKind { get; init; }
}

/// <summary>What an edit changed, in the document's own words: for the audit trail and the history (before → after).</summary>
public sealed record EditChange(string Before, string After, string? Section)
{
    /// <summary>At most <paramref name="length"/> characters and "…", never splitting a character outside the BMP (an emoji, a rare hanzi).</summary>
    public static string Cut(string text, int length)
    {
        if (text.Length <= length) return text;
        if (char.IsHighSurrogate(text[length - 1])) length--;
        return string.Concat(text.AsSpan(0, length), "…");
    }
}

/// <summary>An edit that cannot be applied; <see cref="Code"/> names the reason (resources <c>Edit.{Code}</c>).</summary>
public sealed class StructureEditException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

namespace StudyPortal.Importer.Model;

/// <summary>
/// A run of text. <see cref="Text"/> is plain; <see cref="Markdown"/> carries inline emphasis or list markup
/// when the source had it (null when the source was plain text).
/// </summary>
public sealed record ParsedParagraph(string Text, string? Markdown, ParagraphKind Kind, int FirstLine, int LastLine);

public enum ParagraphKind
{
    Body,
    /// <summary>An editor's note or lead quote block (编前语).</summary>
    Introduction,
    /// <summary>A lead-in line ending in —— that introduces the paragraphs after it.</summary>
    Subheading,
    /// <summary>A passage the text attributes to a speaker.</summary>
    Quotation,
    ListItem,
}

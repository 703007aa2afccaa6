namespace StudyPortal.Importer.Formats;

/// <summary>
/// One line of text (or one Word/PDF paragraph) with the hints its format gave: a heading level,
/// bold-only, inside a quote block, a list item. Every format yields the same stream of these.
/// </summary>
/// <param name="Text">Plain text with markup removed.</param>
/// <param name="Markdown">Inline Markdown when the source carried emphasis; otherwise null.</param>
/// <param name="Width">The source line's length in characters where the format has lines (text, PDF); 0 for a Word paragraph.</param>
public sealed record RawBlock(string Text, string? Markdown, int Line, int? HeadingLevel = null, bool IsBold = false, bool IsQuote = false, bool IsListItem = false, int Width = 0);

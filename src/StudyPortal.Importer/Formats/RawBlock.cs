namespace StudyPortal.Importer.Formats;

/// <summary>
/// One line of text (or one Word/PDF paragraph) with the hints its format gave: a heading level,
/// bold-only, inside a quote block, a list item. Every format yields the same stream of these.
/// </summary>
/// <param name="Text">Plain text with markup removed.</param>
/// <param name="Markdown">Inline Markdown when the source carried emphasis; otherwise null.</param>
/// <param name="Width">The source line's length in characters (a Word paragraph's length: pasted text has a paragraph per line).</param>
/// <param name="IsTitle">The format marks this block as the document's title (Word's Title style, a large centred opening line).</param>
public sealed record RawBlock(string Text, string? Markdown, int Line, int? HeadingLevel = null, bool IsBold = false, bool IsQuote = false, bool IsListItem = false, int Width = 0, bool IsTitle = false);

namespace StudyPortal.Data.Library;

/// <summary>The unit people read and leaders assign. <see cref="Key"/> is stable across re-imports of the same text.</summary>
public sealed class Section
{
    /// <summary>The key column's width; keys are <see cref="Importing.SectionKeys.Length"/> characters, and every column that refers to a section by key has this width.</summary>
    public const int KeyMaxLength = 32;

    public int Id { get; set; }
    public required string Key { get; set; }
    public int DocumentId { get; set; }
    public Document? Document { get; set; }
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
    /// <summary>0-based order across the whole document, so previous/next can cross articles.</summary>
    public int Position { get; set; }
    public required string Heading { get; set; }
    public int Level { get; set; }
    public int CharCount { get; set; }
    public int FirstLine { get; set; }
    public List<Paragraph> Paragraphs { get; set; } = [];
}

using StudyPortal.Importer.Model;

namespace StudyPortal.Data.Library;

public sealed class Paragraph
{
    public int Id { get; set; }
    public int SectionId { get; set; }
    public Section? Section { get; set; }
    public int Position { get; set; }
    public required string Text { get; set; }
    public string? Markdown { get; set; }
    public ParagraphKind Kind { get; set; }
    public int FirstLine { get; set; }
    public int LastLine { get; set; }
}

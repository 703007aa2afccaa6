namespace StudyPortal.Data.Library;

public sealed class Article
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public Document? Document { get; set; }
    /// <summary>0-based order within the document.</summary>
    public int Position { get; set; }
    public required string Title { get; set; }
    public string? Source { get; set; }
    public string? Author { get; set; }
    public int CharCount { get; set; }
    /// <summary><see cref="Importer.ArticleFingerprint"/> of the text: finds the same article in other documents.</summary>
    public byte[]? Fingerprint { get; set; }
    public List<Section> Sections { get; set; } = [];
}

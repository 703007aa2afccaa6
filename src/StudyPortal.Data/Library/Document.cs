namespace StudyPortal.Data.Library;

/// <summary>One imported file: its metadata, its structure and, in <see cref="File"/>, its original bytes.</summary>
public sealed class Document
{
    public const int TitleMaxLength = 500;
    public const int SeriesMaxLength = 200;
    public const int IssuerMaxLength = 200;

    public int Id { get; set; }
    public required string Title { get; set; }
    /// <summary>The title the importer gave: section keys are made from it, so an admin's new title keeps them.</summary>
    public required string ImportedTitle { get; set; }
    /// <summary>Moves on with every correction and replacement; an edit made on an older revision is refused.</summary>
    public int Revision { get; set; }
    public string? Subtitle { get; set; }
    public string? Series { get; set; }
    public string? Issuer { get; set; }
    /// <summary>ISO date as precise as the document gives it: 2023, 2023-07 or 2023-07-06.</summary>
    public string? Date { get; set; }
    public int? Year { get; set; }
    public required string FileName { get; set; }
    /// <summary>SHA-256 of the original bytes, lowercase hex: the same content is never stored twice.</summary>
    public required string ContentHash { get; set; }
    public required string Encoding { get; set; }
    public long SizeBytes { get; set; }
    public int CharCount { get; set; }
    public required string DiagnosticsJson { get; set; }
    public required string DroppedJson { get; set; }
    public required string ImportedBy { get; set; }
    public DateTime ImportedAtUtc { get; set; }
    public DateTime? ReplacedAtUtc { get; set; }

    public DocumentFile? File { get; set; }
    public List<Article> Articles { get; set; } = [];
    public List<Section> Sections { get; set; } = [];
    public List<Quotation> Quotations { get; set; } = [];
}

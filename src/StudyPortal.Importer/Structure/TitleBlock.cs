using StudyPortal.Importer.Model;

namespace StudyPortal.Importer.Structure;

/// <summary>The lines at the top of a document that name it: column label, series, title, issuer or author, byline, date.</summary>
internal sealed class TitleBlock
{
    public static TitleBlock None => new();

    public string? Title { get; set; }
    public string? Subtitle { get; set; }
    public string? Series { get; set; }
    public string? Organisation { get; set; }
    public string? Author { get; set; }
    public string? Source { get; set; }
    public PartialDate? Date { get; set; }

    /// <summary>Indexes of the blocks the title block used; the body is everything else.</summary>
    public HashSet<int> Consumed { get; } = [];

    /// <summary>Title-block lines that are neither title nor metadata (a column label, a repeated original title), kept as dropped text.</summary>
    public List<(int Line, string Text, string Reason)> SetAside { get; } = [];
}

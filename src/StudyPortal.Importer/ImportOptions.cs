using System.ComponentModel.DataAnnotations;

namespace StudyPortal.Importer;

/// <summary>Limits and knowledge the importer works with; bound from the <c>Import</c> configuration section.</summary>
public sealed class ImportOptions
{
    public const string SectionName = "Import";

    /// <summary>Files above this size are refused (50 MB by default).</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>
    /// The most a Word file may unpack to, all its parts together (256 MB by default): a small .docx can hold a
    /// "zip bomb" that would take the server's memory. Its XML parts together get a quarter of this.
    /// </summary>
    [Range(1024, long.MaxValue)]
    public long MaxExpandedBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>The most paragraphs a Word file may have (a 1,000-page booklet has about 30,000).</summary>
    [Range(1, int.MaxValue)]
    public int MaxParagraphs { get; set; } = 200_000;

    /// <summary>
    /// The most characters of text a file may hold, whatever its format (8 million: about 24 MB of Chinese in UTF-8,
    /// some twenty-five 300-page booklets). Parsing takes about twelve times the text's size in memory; this keeps an
    /// upload's parse, with the web process around it, under 500 MB (docs/performance.md).
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxTextCharacters { get; set; } = 8_000_000;

    /// <summary>The most pages a PDF may have.</summary>
    [Range(1, int.MaxValue)]
    public int MaxPdfPages { get; set; } = 3_000;

    /// <summary>People whose words become quotations when the text attributes a passage to them.</summary>
    public List<string> KnownSpeakers { get; set; } = ["习近平"];
}

using System.ComponentModel.DataAnnotations;

namespace StudyPortal.Importer;

/// <summary>Limits and knowledge the importer works with; bound from the <c>Import</c> configuration section.</summary>
public sealed class ImportOptions
{
    public const string SectionName = "Import";

    /// <summary>Files above this size are refused (50 MB by default).</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>People whose words become quotations when the text attributes a passage to them.</summary>
    public List<string> KnownSpeakers { get; set; } = ["习近平"];
}

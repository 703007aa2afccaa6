using System.ComponentModel.DataAnnotations;

namespace StudyPortal.Data.Importing;

/// <summary>Upload drafts' settings: bound from <c>Upload</c>.</summary>
public sealed class UploadOptions
{
    public const string SectionName = "Upload";

    /// <summary>An unconfirmed upload is thrown away this many hours after it was made.</summary>
    [Range(1, 24 * 365)]
    public int DraftLifetimeHours { get; set; } = 24;
}

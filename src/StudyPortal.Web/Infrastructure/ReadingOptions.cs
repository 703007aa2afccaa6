using System.ComponentModel.DataAnnotations;

namespace StudyPortal.Web.Infrastructure;

/// <summary>How reading time is estimated; bound from the <c>Reading</c> section.</summary>
public sealed class ReadingOptions
{
    public const string SectionName = "Reading";

    /// <summary>Chinese characters an adult reads in a minute of study reading.</summary>
    [Range(50, 5000)]
    public int CharactersPerMinute { get; set; } = 400;
}

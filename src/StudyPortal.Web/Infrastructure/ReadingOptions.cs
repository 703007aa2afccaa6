using System.ComponentModel.DataAnnotations;

namespace StudyPortal.Web.Infrastructure;

/// <summary>How reading time is estimated; bound from the <c>Reading</c> section.</summary>
public sealed class ReadingOptions
{
    public const string SectionName = "Reading";

    /// <summary>Chinese characters an adult reads in a minute of study reading.</summary>
    [Range(50, 5000)]
    public int CharactersPerMinute { get; set; } = 400;

    /// <summary>
    /// A section counts as read to the end only when its end was reached at least this share of its reading time
    /// (at <see cref="CharactersPerMinute"/>) after it was opened: a generous margin for fast readers, but no
    /// "read" for scrolling straight to the end. 0 switches the check off.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinimumReadFraction { get; set; } = 0.25;

    /// <summary>A gap between two reports longer than this counts as this much reading time (the reader left the page open).</summary>
    [Range(10, 3600)]
    public int IdleAfterSeconds { get; set; } = 300;
}

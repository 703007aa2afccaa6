using Microsoft.Extensions.Options;

namespace StudyPortal.Web.Infrastructure.Groups;

/// <summary>Study groups' settings: bound from <c>Study</c>.</summary>
public sealed class StudyOptions
{
    public const string SectionName = "Study";

    /// <summary>The time zone due dates are days of (IANA id). China Standard Time by default.</summary>
    [System.ComponentModel.DataAnnotations.Required, TimeZoneId]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>A "due soon" notice goes out this many days before the due date.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 366)]
    public int DueSoonDays { get; set; } = 2;

    /// <summary>How far ahead a due date may be set, in years.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100)]
    public int DueHorizonYears { get; set; } = 5;

    /// <summary>The longest period one 学习台账 export may span, in days (a year by default).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 3660)]
    public int LedgerMaxDays { get; set; } = 366;
}

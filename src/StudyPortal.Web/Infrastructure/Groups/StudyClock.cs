using Microsoft.Extensions.Options;

namespace StudyPortal.Web.Infrastructure.Groups;

/// <summary>Due dates are calendar days in the configured time zone: "due 7 July" ends at midnight after 7 July there.</summary>
public sealed class StudyClock(TimeProvider time, IOptions<StudyOptions> options)
{
    // Checked at start-up (TimeZoneIdAttribute): an unknown zone stops the portal rather than falling back.
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(UtcNow, Zone));

    /// <summary>The latest due date a leader may set: today plus the configured horizon.</summary>
    public DateOnly LatestDueDate => Today.AddYears(options.Value.DueHorizonYears);

    /// <summary>Whether a leader may set this due date: from today to the horizon.</summary>
    public bool IsAllowedDueDate(DateOnly due) => due >= Today && due <= LatestDueDate;

    /// <summary>
    /// The UTC moment a due date is over: the start of the next day in the portal's zone. A date stored before due
    /// dates were bounded may lie at the end of the calendar; it is never over rather than a failing page.
    /// </summary>
    public DateTime DueEndsUtc(DateOnly due) =>
        due.DayNumber >= DateOnly.MaxValue.DayNumber - 2
            ? DateTime.MaxValue
            : TimeZoneInfo.ConvertTimeToUtc(due.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    public bool IsOverdue(DateOnly due) => UtcNow >= DueEndsUtc(due);

    public bool IsDueSoon(DateOnly due) => !IsOverdue(due) && due <= DueSoonUntil;

    /// <summary>The last due date that is "due soon" today.</summary>
    public DateOnly DueSoonUntil => Today.AddDays(options.Value.DueSoonDays);

    public string Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

using System.Globalization;
using StudyPortal.Importer.Model;

namespace StudyPortal.Web.Infrastructure;

/// <summary>Dates as readers expect them: 2023年7月 and 2018年4月20日至21日 in Chinese, July 2023 in English.</summary>
public static class ChineseDates
{
    /// <summary>
    /// China Standard Time, the portal's clock for timestamps shown to people. A fixed UTC+8 when the machine has no
    /// time-zone database (China has had no daylight saving since 1991, so the two agree).
    /// </summary>
    public static readonly TimeZoneInfo ChinaTime = TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Shanghai", out var zone)
        ? zone
        : TimeZoneInfo.CreateCustomTimeZone("China Standard Time", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");

    /// <summary>A stored UTC moment as local time in China: 2026-11-23 14:05.</summary>
    public static string Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), ChinaTime).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Format(string? iso, string? isoEnd = null, CultureInfo? culture = null)
    {
        var start = PartialDate.FromIso(iso);
        if (start is null) return "";
        var end = PartialDate.FromIso(isoEnd);
        var chinese = (culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "zh";
        return chinese ? Chinese(start.Value, end) : English(start.Value, end);
    }

    private static string Chinese(PartialDate start, PartialDate? end)
    {
        var text = Chinese(start);
        if (end is not { } e) return text;
        if (e.Year != start.Year) return $"{text}至{Chinese(e)}";
        if (e.Month != start.Month) return e.Day is null ? $"{text}至{e.Month}月" : $"{text}至{e.Month}月{e.Day}日";
        return e.Day is null ? text : $"{text}至{e.Day}日";
    }

    private static string Chinese(PartialDate d) => d switch
    {
        { Month: null } => $"{d.Year}年",
        { Day: null } => $"{d.Year}年{d.Month}月",
        _ => $"{d.Year}年{d.Month}月{d.Day}日",
    };

    private static string English(PartialDate start, PartialDate? end)
    {
        var text = English(start);
        return end is { } e ? $"{text} – {English(e)}" : text;
    }

    private static string English(PartialDate d)
    {
        var invariant = CultureInfo.GetCultureInfo("en");
        return d switch
        {
            { Month: null } => d.Year.ToString(invariant),
            { Day: null } => new DateTime(d.Year, d.Month.Value, 1).ToString("MMMM yyyy", invariant),
            _ => new DateTime(d.Year, d.Month!.Value, Math.Min(d.Day.Value, DateTime.DaysInMonth(d.Year, d.Month.Value))).ToString("d MMMM yyyy", invariant),
        };
    }
}

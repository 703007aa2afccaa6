using System.Globalization;

namespace StudyPortal.Importer.Model;

/// <summary>A date as precise as the text gives it: a year, a month or a day.</summary>
public readonly record struct PartialDate(int Year, int? Month = null, int? Day = null)
{
    public string ToIso() => (Month, Day) switch
    {
        (null, _) => Year.ToString("D4", CultureInfo.InvariantCulture),
        (int m, null) => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{m:D2}"),
        (int m, int d) => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{m:D2}-{d:D2}"),
    };

    /// <summary>Parses what <see cref="ToIso"/> wrote; null for anything else.</summary>
    public static PartialDate? FromIso(string? iso)
    {
        if (string.IsNullOrEmpty(iso)) return null;
        var parts = iso.Split('-');
        if (parts.Length is < 1 or > 3 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var year)) return null;
        int? month = parts.Length > 1 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var m) ? m : null;
        int? day = parts.Length > 2 && int.TryParse(parts[2], CultureInfo.InvariantCulture, out var d) ? d : null;
        return new PartialDate(year, month, day);
    }

    public static bool IsValid(int year, int? month, int? day) =>
        year is >= 1900 and <= 2200 && month is null or (>= 1 and <= 12) && day is null or (>= 1 and <= 31);

    public override string ToString() => ToIso();
}

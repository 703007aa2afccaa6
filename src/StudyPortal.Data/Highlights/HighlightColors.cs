namespace StudyPortal.Data.Highlights;

/// <summary>The colours by name, as the reader's script and the notes page's filter send them ("yellow").</summary>
public static class HighlightColors
{
    /// <summary>The colour a name stands for, or null for anything else (numbers included).</summary>
    public static HighlightColor? Parse(string? name) =>
        !string.IsNullOrEmpty(name) && !char.IsAsciiDigit(name[0]) && Enum.TryParse<HighlightColor>(name, ignoreCase: true, out var color) && Enum.IsDefined(color)
            ? color
            : null;

    public static string Name(HighlightColor color) => color.ToString().ToLowerInvariant();
}

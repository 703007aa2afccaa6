namespace StudyPortal.Data.Highlights;

/// <summary>The four colours a reader marks with; stored by name.</summary>
public enum HighlightColor
{
    Yellow,
    Green,
    Blue,
    Pink,
}

namespace StudyPortal.Data.Search;

/// <summary>A run of matched characters in a text.</summary>
public readonly record struct TextRange(int Start, int Length);

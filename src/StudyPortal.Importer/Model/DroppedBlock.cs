namespace StudyPortal.Importer.Model;

/// <summary>Source text deliberately left out of the structure (a table of contents, newspaper items), kept so nothing is lost.</summary>
public sealed record DroppedBlock(string Text, int FirstLine, int LastLine, string Reason);

namespace StudyPortal.Importer.Model;

/// <summary>Something the importer dropped, joined, guessed or could not place, with the source line.</summary>
public sealed record Diagnostic(DiagnosticLevel Level, string Message, int? Line);

public enum DiagnosticLevel
{
    Info,
    Warning,
    Error,
}

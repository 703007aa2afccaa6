using System.Globalization;

namespace StudyPortal.Importer.Model;

/// <summary>
/// Something the importer dropped, joined, guessed or could not place, with the source line. <see cref="Message"/>
/// is English (CLI, logs); <see cref="Code"/> names the rule and <see cref="Arguments"/> its values, so an interface
/// can say the same in its own language.
/// </summary>
public sealed record Diagnostic(DiagnosticLevel Level, string Message, int? Line)
{
    public string? Code { get; init; }

    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>The section the diagnostic is about, by its position in the document (all articles' sections in order), if any.</summary>
    public int? Section { get; init; }

    /// <summary>A diagnostic from an English template with numbered placeholders ({0}, {1}, …) and its values.</summary>
    public static Diagnostic Create(DiagnosticLevel level, int? line, string code, string template, params object?[] arguments) =>
        new(level, string.Format(CultureInfo.InvariantCulture, template, arguments), line)
        {
            Code = code,
            Arguments = arguments.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture) ?? "").ToArray(),
        };
}

public enum DiagnosticLevel
{
    Info,
    Warning,
    Error,
}

namespace StudyPortal.Data.Importing;

/// <summary>One file's fate in an import: stored (with what it did) or refused (with the reason).</summary>
public sealed record FileImportResult(string Path, ImportOutcome? Outcome, string? Error)
{
    public bool Succeeded => Outcome is not null;
}

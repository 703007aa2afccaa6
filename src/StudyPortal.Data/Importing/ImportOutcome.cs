namespace StudyPortal.Data.Importing;

public enum ImportStatus
{
    Imported,
    /// <summary>A document with the same title existed; its structure was replaced, keys kept where the text is unchanged.</summary>
    Replaced,
    /// <summary>The same bytes were imported before: nothing changed.</summary>
    Unchanged,
}

/// <summary>What storing one document did.</summary>
public sealed record ImportOutcome(ImportStatus Status, int DocumentId, string Title, int Articles, int Sections, int Paragraphs, int Quotations);

namespace StudyPortal.Data.Importing;

public enum ImportStatus
{
    Imported,
    /// <summary>A document with the same title existed; its structure was replaced, keys kept where the text is unchanged.</summary>
    Replaced,
    /// <summary>The same bytes were imported before: nothing changed.</summary>
    Unchanged,
    /// <summary>The document of that title is not the one the caller expected to replace (or create): nothing stored.</summary>
    Conflict,
}

/// <summary>What storing one document did.</summary>
public sealed record ImportOutcome(ImportStatus Status, int DocumentId, string Title, int Articles, int Sections, int Paragraphs, int Quotations)
{
    /// <summary>Replacing a corrected document: the admin's corrections replayed onto the new structure, and those whose text was gone.</summary>
    public int CorrectionsKept { get; init; }

    public int CorrectionsDropped { get; init; }
}

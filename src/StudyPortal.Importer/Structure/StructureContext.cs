namespace StudyPortal.Importer.Structure;

/// <summary>What the structure builder knows about the document before it reads the body.</summary>
internal sealed record StructureContext(
    string DocumentTitle,
    string? Subtitle,
    TableOfContents? TableOfContents,
    bool Interleaved,
    bool Narrow,
    string? DefaultSpeaker,
    int? WrapWidth = null,
    bool BlankLinesEverywhere = false,
    bool TitledApart = false);

namespace StudyPortal.Importer.Model;

/// <summary>The unit a person reads and a leader assigns. An empty heading marks an untitled lead-in.</summary>
public sealed record ParsedSection(string Heading, int Level, IReadOnlyList<ParsedParagraph> Paragraphs, int Line);

namespace StudyPortal.Importer.Model;

/// <summary>One piece (材料/篇目) inside a document.</summary>
public sealed record ParsedArticle(string Title, string? Source, string? Author, IReadOnlyList<ParsedSection> Sections);

using StudyPortal.Importer.Model;

namespace StudyPortal.Importer.Structure;

/// <summary>The lines at the top of a document that name it: series, title, issuer or author, date.</summary>
internal sealed record TitleBlock(string? Title, string? Subtitle, string? Series, string? Organisation, PartialDate? Date, int Consumed);

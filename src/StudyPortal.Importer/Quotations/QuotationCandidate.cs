using StudyPortal.Importer.Model;

namespace StudyPortal.Importer.Quotations;

/// <summary>A quotation found inside one paragraph, before it is placed in the document.</summary>
internal sealed record QuotationCandidate(string Text, string? Speaker, PartialDate? Date, PartialDate? DateEnd, string? Occasion);

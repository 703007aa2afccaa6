using StudyPortal.Data.Library;

namespace StudyPortal.Web.Infrastructure;

/// <summary>A quotation as pages show it: the passage, who said it when and where, and the section it came from.</summary>
public sealed record QuotationCard(
    int Id, string Text, string? Speaker, string? Date, string? DateEnd, int? Year, string? Occasion, string? Theme,
    string SectionKey, string SectionHeading, string ArticleTitle, string DocumentTitle, int DocumentId);

public static class QuotationQueries
{
    public static IQueryable<QuotationCard> ToCards(this IQueryable<Quotation> quotations) => quotations.Select(q => new QuotationCard(
        q.Id, q.Text, q.Speaker, q.Date, q.DateEnd, q.Year, q.Occasion, q.Theme,
        q.Section!.Key, q.Section.Heading, q.Section.Article!.Title, q.Document!.Title, q.DocumentId));
}

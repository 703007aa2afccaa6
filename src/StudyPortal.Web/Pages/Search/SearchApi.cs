using StudyPortal.Web.Infrastructure;
using StudyPortal.Data.Search;

namespace StudyPortal.Web.Pages.Search;

/// <summary>/api/search: the same results as the search page, as JSON, for other tools.</summary>
public static class SearchApi
{
    public static void MapSearchApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/search", async (string? q, int? page, int? document, string? series, string? kind, int? from, int? to,
                ISearchIndex index, LinkGenerator links, HttpContext http, CancellationToken cancellationToken) =>
            {
                var results = await index.SearchAsync(new SearchRequest(q, document, series, kind, from, to, Math.Clamp(page ?? 1, 1, 10_000)), cancellationToken);
                return Results.Ok(new
                {
                    query = q ?? "",
                    terms = results.Query.Required,
                    excluded = results.Query.Excluded,
                    totalSections = results.TotalSections,
                    totalHits = results.TotalHits,
                    totalIsExact = results.IsComplete,
                    page = results.Page,
                    pageSize = results.PageSize,
                    pageCount = results.PageCount,
                    sections = results.Sections.Select(s => new
                    {
                        key = s.SectionKey, heading = s.SectionHeading, article = s.ArticleTitle, document = s.DocumentTitle, documentId = s.DocumentId,
                        hits = s.HitCount, url = links.GetPathByPage(http, "/Read/Index", values: new { key = s.SectionKey }),
                        snippets = s.Snippets.Select(x => new { kind = x.Kind, paragraph = x.ParagraphPosition, html = MarkedText.Html(x), text = x.Text, marks = x.Marks.Select(m => new { start = m.Start, length = m.Length }) }),
                    }),
                    facets = new { documents = results.Documents, series = results.Series, kinds = results.Kinds, years = results.Years },
                });
            }).RequireAuthorization(Infrastructure.Accounts.PortalPolicies.Reading).RequireRateLimiting(Infrastructure.RateLimits.Search);
}

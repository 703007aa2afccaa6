namespace StudyPortal.Data.Search;

/// <summary>A search with its filters and page. Kind: body, quotation or title (titles include headings).</summary>
public sealed record SearchRequest(
    string? Query,
    int? DocumentId = null,
    string? Series = null,
    string? Kind = null,
    int? YearFrom = null,
    int? YearTo = null,
    int Page = 1,
    int PageSize = 20);

namespace StudyPortal.Data.Search;

/// <summary>One page of results, grouped by section, with the total and counts per filter value.</summary>
public sealed record SearchResults(
    SearchQuery Query,
    int TotalSections,
    int TotalHits,
    int Page,
    int PageSize,
    IReadOnlyList<SectionHit> Sections,
    IReadOnlyList<FacetCount> Documents,
    IReadOnlyList<FacetCount> Series,
    IReadOnlyList<FacetCount> Kinds,
    IReadOnlyList<FacetCount> Years)
{
    public int PageCount => (TotalSections + PageSize - 1) / PageSize;

    /// <summary>False when the query matched more than the search reads; totals and counts then cover the best hits only.</summary>
    public bool IsComplete { get; init; } = true;

    public static SearchResults Empty(SearchQuery query, int page, int pageSize) => new(query, 0, 0, page, pageSize, [], [], [], [], []);
}

/// <summary>A section with hits: where it is, and a snippet for each of its best hits.</summary>
public sealed record SectionHit(
    string SectionKey,
    string SectionHeading,
    string ArticleTitle,
    string DocumentTitle,
    int DocumentId,
    int HitCount,
    IReadOnlyList<Snippet> Snippets);

/// <summary>
/// A piece of a hit's text with the matched terms' <see cref="Marks"/> (positions in <see cref="Text"/>), and whether
/// text was cut before or after it; <see cref="ParagraphPosition"/> is null for a title hit.
/// </summary>
public sealed record Snippet(string Kind, int? ParagraphPosition, string Text, IReadOnlyList<TextRange> Marks, bool CutBefore, bool CutAfter);

public sealed record FacetCount(string Value, string Label, int Count);

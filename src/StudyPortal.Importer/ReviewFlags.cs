using StudyPortal.Importer.Model;

namespace StudyPortal.Importer;

/// <summary>
/// The places in an import worth an admin's look, as diagnostics that name their section (its position in the
/// document): a section with no text or one too long to read at a sitting, headings the importer realigned or merged,
/// a title taken from the file name, much text dropped, quotations without a date. The preview lists them first and
/// the admin's document list counts them.
/// </summary>
public static class ReviewFlags
{
    /// <summary>Characters above which a section is too long to read at a sitting (about half an hour).</summary>
    public const int LongSectionCharacters = 15_000;

    /// <summary>The diagnostic codes that are review flags.</summary>
    public static readonly IReadOnlySet<string> Codes = new HashSet<string>(StringComparer.Ordinal)
    {
        "review-empty-section", "review-long-section", "review-undated-quotations",
        "heading-realigned", "blank-heading-merged", "title-from-file-name", "much-dropped",
    };

    public static bool IsFlag(Diagnostic diagnostic) => diagnostic.Code is { } code && Codes.Contains(code);

    /// <summary>Adds the flags for the finished structure, and places the importer's own realignment flags at their sections.</summary>
    public static List<Diagnostic> Add(IReadOnlyList<ParsedArticle> articles, IReadOnlyList<ParsedQuotation> quotations, IReadOnlyList<Diagnostic> diagnostics)
    {
        var sections = articles.SelectMany(a => a.Sections).ToList();
        var positions = new List<int>();
        for (var a = 0; a < articles.Count; a++) positions.Add(a == 0 ? 0 : positions[a - 1] + articles[a - 1].Sections.Count);

        var result = diagnostics.Select(d => d.Code is "heading-realigned" or "blank-heading-merged" && d.Arguments.Count > 0
            ? d with { Section = Find(sections, d.Arguments[0], d.Code == "blank-heading-merged") }
            : d).ToList();
        for (var s = 0; s < sections.Count; s++)
        {
            var section = sections[s];
            var heading = section.Heading.Length > 0 ? section.Heading : "—";
            if (section.Paragraphs.Count == 0)
                result.Add(Diagnostic.Create(DiagnosticLevel.Warning, section.Line, "review-empty-section", "Section “{0}” has no text.", heading) with { Section = s });
            var characters = section.Paragraphs.Sum(p => p.Text.Length);
            if (characters > LongSectionCharacters)
                result.Add(Diagnostic.Create(DiagnosticLevel.Info, section.Line, "review-long-section",
                    "Section “{0}” holds {1} characters, too long to read at a sitting; it may want dividing.", heading, characters) with { Section = s });
        }
        var undated = quotations.Where(q => q.Date is null).ToList();
        if (undated.Count > 0)
        {
            var first = undated[0];
            result.Add(Diagnostic.Create(DiagnosticLevel.Info, null, "review-undated-quotations", "{0} quotation(s) have no date, the first: “{1}…”.",
                undated.Count, first.Text.Length > 20 ? first.Text[..20] : first.Text) with { Section = positions[first.Article] + first.Section });
        }
        return result;
    }

    // A merged heading lives on as a subheading paragraph of the section that took it.
    private static int? Find(List<ParsedSection> sections, string heading, bool merged)
    {
        var index = merged
            ? sections.FindIndex(s => s.Paragraphs.Any(p => p.Kind == ParagraphKind.Subheading && p.Text == heading))
            : sections.FindIndex(s => s.Heading == heading);
        return index < 0 ? null : index;
    }
}

using StudyPortal.Importer.Model;

namespace StudyPortal.Tests;

/// <summary>What two imports of the same text in different formats must agree on: titles, sections, paragraphs, quotations.</summary>
public static class StructureShape
{
    public static IEnumerable<string> Of(ParsedDocument d) =>
        new[] { d.Title, d.Series ?? "", d.Date?.ToString() ?? "" }
            .Concat(d.Articles.SelectMany(a => new[] { "A " + a.Title }
                .Concat(a.Sections.SelectMany(s => new[] { $"S{s.Level} {s.Heading}" }.Concat(s.Paragraphs.Select(p => p.Text))))))
            .Concat(d.Quotations.Select(q => $"Q {q.Text} {q.Date}"));
}

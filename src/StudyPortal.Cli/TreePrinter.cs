using System.Text;
using StudyPortal.Importer.Model;

namespace StudyPortal.Cli;

/// <summary>The readable form of `parse`: the document as an indented tree, then quotations and diagnostics.</summary>
public static class TreePrinter
{
    private const int Excerpt = 40;

    public static string Print(ParsedDocument document)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"《{document.Title}》  [{document.Encoding}]");
        if (document.Subtitle is not null) sb.AppendLine($"  subtitle: {document.Subtitle}");
        if (document.Series is not null) sb.AppendLine($"  series:   {document.Series}");
        if (document.Issuer is not null) sb.AppendLine($"  issuer:   {document.Issuer}");
        if (document.Date is not null) sb.AppendLine($"  date:     {document.Date}");
        for (var a = 0; a < document.Articles.Count; a++)
        {
            var article = document.Articles[a];
            sb.AppendLine($"article {a}: {article.Title}");
            if (article.Source is not null) sb.AppendLine($"  source: {article.Source}");
            if (article.Author is not null) sb.AppendLine($"  author: {article.Author}");
            foreach (var section in article.Sections)
            {
                sb.AppendLine($"{new string(' ', 2 * section.Level)}§ {(section.Heading.Length == 0 ? "（无标题）" : section.Heading)}");
                foreach (var p in section.Paragraphs)
                    sb.AppendLine($"{new string(' ', 2 * section.Level + 4)}{Kind(p.Kind)}{Shorten(p.Text)}");
            }
        }
        if (document.Quotations.Count > 0) sb.AppendLine($"quotations ({document.Quotations.Count}):");
        foreach (var q in document.Quotations)
        {
            var when = q.DateEnd is null ? q.Date?.ToIso() : $"{q.Date?.ToIso()}–{q.DateEnd?.ToIso()}";
            sb.AppendLine($"  “{Shorten(q.Text)}” — {q.Speaker}, {when}, {q.Occasion}  [{q.Theme}]");
        }
        if (document.Dropped.Count > 0) sb.AppendLine($"dropped blocks: {document.Dropped.Count}");
        if (document.Diagnostics.Count > 0) sb.AppendLine($"diagnostics ({document.Diagnostics.Count}):");
        foreach (var d in document.Diagnostics)
            sb.AppendLine($"  {d.Level.ToString().ToLowerInvariant()}{(d.Line is null ? "" : $" line {d.Line}")}: {d.Message}");
        return sb.ToString();
    }

    private static string Kind(ParagraphKind kind) => kind switch
    {
        ParagraphKind.Quotation => "❝ ",
        ParagraphKind.Subheading => "▸ ",
        ParagraphKind.Introduction => "» ",
        ParagraphKind.ListItem => "• ",
        _ => "",
    };

    private static string Shorten(string text) => text.Length <= Excerpt ? text : text[..Excerpt] + "…";
}

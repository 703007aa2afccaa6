using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using StudyPortal.Importer.Model;

namespace StudyPortal.Importer;

/// <summary>
/// The `parse --json` shape, also served by `GET /api/documents/{id}` for a stored document: dates as ISO strings,
/// absent values null, article and section as 0-based indexes; with section keys when the document is stored.
/// </summary>
public static class ParsedDocumentJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string Serialize(ParsedDocument document, IReadOnlyList<string>? sectionKeys = null)
    {
        var position = 0;
        return JsonSerializer.Serialize(new
    {
        title = document.Title,
        subtitle = document.Subtitle,
        series = document.Series,
        issuer = document.Issuer,
        date = document.Date?.ToIso(),
        encoding = document.Encoding,
        articles = document.Articles.Select(a => new
        {
            title = a.Title,
            source = a.Source,
            author = a.Author,
            sections = a.Sections.Select(s => new
            {
                key = sectionKeys?[position++],
                heading = s.Heading.Length == 0 ? null : s.Heading,
                level = s.Level,
                paragraphs = s.Paragraphs.Select(p => p.Text),
            }),
        }),
        quotations = document.Quotations.Select(q => new
        {
            text = q.Text,
            speaker = q.Speaker,
            date = q.Date?.ToIso(),
            dateEnd = q.DateEnd?.ToIso(),
            occasion = q.Occasion,
            enumerator = q.Enumerator,
            theme = q.Theme,
            article = q.Article,
            section = q.Section,
        }),
        dropped = document.Dropped.Select(d => new { text = d.Text, line = d.FirstLine, reason = d.Reason }),
        diagnostics = document.Diagnostics.Select(d => new { level = d.Level.ToString().ToLowerInvariant(), code = d.Code, message = d.Message, line = d.Line, section = d.Section }),
    }, Options);
    }
}

using StudyPortal.Importer.Model;

namespace StudyPortal.Tests;

/// <summary>
/// The importer's own corpus (tests/Corpus): one document per file, each with a <c>.expect</c> file beside it that
/// lists structure checks, one per line, as <c>key: value</c>. Every check is judged on its own, so a fixture reports
/// how many of its checks hold, as the accuracy targets are stated.
/// <list type="bullet">
/// <item><c>title</c>, <c>subtitle</c>, <c>series</c>, <c>issuer</c>, <c>date</c> (ISO, as precise as the text): the document's; <c>-</c> for none.</item>
/// <item><c>articles</c>: how many; <c>article N</c>, <c>article N source</c>, <c>article N author</c>, <c>article N date</c> (1-based).</item>
/// <item><c>article N sections</c>: its titled sections in order, separated by <c> | </c>.</item>
/// <item><c>section HEADING starts</c>: the first paragraph under that heading starts with the value; <c>section HEADING paragraphs</c>: how many.</item>
/// <item><c>paragraph</c>: some paragraph is exactly the value; <c>paragraph starts</c>: some paragraph starts with it.</item>
/// <item><c>absent</c>: no title, heading or paragraph contains the value.</item>
/// <item><c>quotations</c>: how many; <c>quotation TEXTSTART</c>: <c>speaker | date | occasion | enumerator</c> of the quotation starting so (trailing parts optional, <c>-</c> for none).</item>
/// <item><c>diagnostic</c>: a diagnostic with that code was reported.</item>
/// <item><c>formats</c>: the formats this document is checked in (default <c>txt docx pdf</c>); not a check.</item>
/// </list>
/// </summary>
public static class CorpusExpectation
{
    public sealed record Check(string Key, string Expected, bool Passed, string Actual)
    {
        public override string ToString() => $"{(Passed ? "ok  " : "FAIL")} {Key}: {Expected}{(Passed ? "" : $"  (was: {Actual})")}";
    }

    public static string Folder => Path.Combine(TestPaths.Root, "tests", "Corpus");

    /// <summary>Every corpus document, relative to <see cref="Folder"/>.</summary>
    public static IEnumerable<string> Documents => Directory.GetFiles(Folder, "*.*", SearchOption.AllDirectories)
        .Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal))
        .Select(f => Path.GetRelativePath(Folder, f).Replace('\\', '/'))
        .Order(StringComparer.Ordinal);

    public static IReadOnlyList<string> Formats(string document)
    {
        var line = ExpectLines(document).FirstOrDefault(l => l.Key == "formats");
        return line.Key is null ? ["txt", "docx", "pdf"] : line.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    public static string Text(string document) => File.ReadAllText(Path.Combine(Folder, document));

    public static List<Check> Evaluate(string document, ParsedDocument parsed) =>
        ExpectLines(document).Where(l => l.Key != "formats").Select(l => Judge(l.Key, l.Value, parsed)).ToList();

    private static IEnumerable<(string Key, string Value)> ExpectLines(string document)
    {
        var path = Path.Combine(Folder, Path.ChangeExtension(document, ".expect"));
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon < 0) throw new FormatException($"{path}: “{line}” is not “key: value”");
            yield return (line[..colon].Trim(), line[(colon + 2)..].Trim());
        }
    }

    private static Check Judge(string key, string expected, ParsedDocument d)
    {
        var paragraphs = d.Articles.SelectMany(a => a.Sections).SelectMany(s => s.Paragraphs).Select(p => p.Text).ToList();
        var parts = key.Split(' ', 3);
        string actual;
        switch (parts[0])
        {
            case "title": actual = d.Title; break;
            case "subtitle": actual = d.Subtitle ?? "-"; break;
            case "series": actual = d.Series ?? "-"; break;
            case "issuer": actual = d.Issuer ?? "-"; break;
            case "date": actual = d.Date?.ToIso() ?? "-"; break;
            case "articles": actual = d.Articles.Count.ToString(System.Globalization.CultureInfo.InvariantCulture); break;
            case "article":
            {
                var index = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) - 1;
                var article = index < d.Articles.Count ? d.Articles[index] : null;
                actual = article is null ? "(no such article)" : (parts.Length > 2 ? parts[2] : "") switch
                {
                    "" => article.Title,
                    "source" => article.Source ?? "-",
                    "author" => article.Author ?? "-",
                    "sections" => string.Join(" | ", article.Sections.Select(s => s.Heading).Where(h => h.Length > 0)),
                    var other => throw new FormatException("unknown article check " + other),
                };
                break;
            }
            case "section":
            {
                var what = key[(key.LastIndexOf(' ') + 1)..];
                var heading = key["section ".Length..key.LastIndexOf(' ')];
                var section = d.Articles.SelectMany(a => a.Sections).FirstOrDefault(s => s.Heading == heading);
                if (section is null) return new Check(key, expected, false, "(no such section)");
                var body = section.Paragraphs.Where(p => p.Kind != ParagraphKind.Subheading).ToList();
                if (what == "starts")
                {
                    actual = body.FirstOrDefault()?.Text ?? "(empty)";
                    return new Check(key, expected, actual.StartsWith(expected, StringComparison.Ordinal), Cut(actual));
                }
                actual = body.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
            }
            case "paragraph":
            {
                var starts = parts.Length > 1 && parts[1] == "starts";
                var found = paragraphs.Any(p => starts ? p.StartsWith(expected, StringComparison.Ordinal) : p == expected);
                var near = paragraphs.FirstOrDefault(p => p.Contains(expected.Length > 8 ? expected[..8] : expected, StringComparison.Ordinal));
                return new Check(key, expected, found, near is null ? "(not found)" : Cut(near));
            }
            case "absent":
            {
                var texts = paragraphs.Concat(d.Articles.Select(a => a.Title)).Concat(d.Articles.SelectMany(a => a.Sections).Select(s => s.Heading)).Append(d.Title);
                var holder = texts.FirstOrDefault(t => t.Contains(expected, StringComparison.Ordinal));
                return new Check(key, expected, holder is null, holder is null ? "" : Cut(holder));
            }
            case "quotations": actual = d.Quotations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture); break;
            case "quotation":
            {
                var start = key["quotation ".Length..];
                var q = d.Quotations.FirstOrDefault(q => q.Text.StartsWith(start, StringComparison.Ordinal));
                if (q is null) return new Check(key, expected, false, "(no such quotation: " + string.Join(" / ", d.Quotations.Select(x => Cut(x.Text, 12))) + ")");
                var fields = new[] { q.Speaker ?? "-", q.Date is { } date ? date.ToIso() + (q.DateEnd is { } end ? "/" + end.ToIso() : "") : "-", q.Occasion ?? "-", q.Enumerator ?? "-" };
                var wanted = expected.Split('|').Select(s => s.Trim()).ToArray();
                actual = string.Join(" | ", fields.Take(wanted.Length));
                return new Check(key, expected, actual == string.Join(" | ", wanted), actual);
            }
            case "diagnostic":
                return new Check(key, expected, d.Diagnostics.Any(g => g.Code == expected), string.Join(", ", d.Diagnostics.Select(g => g.Code).Distinct()));
            default: throw new FormatException("unknown check " + key);
        }
        return new Check(key, expected, actual == expected, actual);
    }

    private static string Cut(string text, int length = 40) => text.Length > length ? text[..length] + "…" : text;
}

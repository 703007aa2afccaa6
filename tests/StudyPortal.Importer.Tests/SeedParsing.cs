using StudyPortal.Importer;
using StudyPortal.Importer.Model;
using StudyPortal.Tests;

namespace StudyPortal.Importer.Tests;

/// <summary>Parses each real seed file once per test run.</summary>
public static class SeedParsing
{
    private static readonly Dictionary<string, ParsedDocument> Cache = [];
    private static readonly Lock Gate = new();

    public static ParsedDocument Parse(string prefix)
    {
        lock (Gate)
        {
            if (!Cache.TryGetValue(prefix, out var document))
            {
                var path = TestPaths.Seed(prefix);
                document = new DocumentParser().Parse(File.ReadAllBytes(path), Path.GetFileName(path));
                Cache[prefix] = document;
            }
            return document;
        }
    }

    public static IEnumerable<ParsedParagraph> Paragraphs(this ParsedDocument document) =>
        document.Articles.SelectMany(a => a.Sections).SelectMany(s => s.Paragraphs);

    public static IEnumerable<ParsedParagraph> Paragraphs(this ParsedArticle article) => article.Sections.SelectMany(s => s.Paragraphs);

    public static IEnumerable<string> Headings(this ParsedArticle article) => article.Sections.Select(s => s.Heading).Where(h => h.Length > 0);

    public static TheoryData<string> SeedPrefixes => new(["000", "001", "002", "003", "004"]);
}

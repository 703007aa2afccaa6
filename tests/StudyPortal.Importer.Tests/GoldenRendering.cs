using System.Text;
using StudyPortal.Importer.Model;

namespace StudyPortal.Importer.Tests;

/// <summary>
/// Each seed's parsed tree in a compact text form, checked in under Golden/ so a change in the importer's output
/// shows as a readable diff. Set UPDATE_GOLDEN=1 to rewrite the files after an intended change.
/// </summary>
public sealed class GoldenRendering
{
    [Theory]
    [MemberData(nameof(SeedParsing.SeedPrefixes), MemberType = typeof(SeedParsing))]
    public void ParsedTree_MatchesTheGoldenFile(string seed)
    {
        var actual = Render(SeedParsing.Parse(seed));
        var path = Path.Combine(StudyPortal.Tests.TestPaths.Root, "tests", "StudyPortal.Importer.Tests", "Golden", $"{seed}.txt");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
            File.WriteAllText(path, actual);
        Assert.True(File.Exists(path), $"No golden file {path}; run the tests once with UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }

    public static string Render(ParsedDocument d)
    {
        var sb = new StringBuilder();
        sb.Append("document: ").Append(d.Title).Append('\n');
        Line(sb, "subtitle", d.Subtitle);
        Line(sb, "series", d.Series);
        Line(sb, "issuer", d.Issuer);
        Line(sb, "date", d.Date?.ToIso());
        Line(sb, "encoding", d.Encoding);
        for (var a = 0; a < d.Articles.Count; a++)
        {
            var article = d.Articles[a];
            sb.Append($"\n# article {a}: {article.Title}\n");
            Line(sb, "source", article.Source);
            Line(sb, "author", article.Author);
            for (var s = 0; s < article.Sections.Count; s++)
            {
                var section = article.Sections[s];
                sb.Append($"\n## section {a}.{s} (level {section.Level}, line {section.Line}): {section.Heading}\n");
                foreach (var p in section.Paragraphs)
                    sb.Append($"[{p.Kind} {p.FirstLine}-{p.LastLine}] {p.Text}\n");
            }
        }
        sb.Append("\n# quotations\n");
        foreach (var q in d.Quotations)
            sb.Append($"{q.Article}.{q.Section}.{q.Paragraph} {q.Speaker} {q.Date?.ToIso()}{(q.DateEnd is null ? "" : "/" + q.DateEnd?.ToIso())} {q.Occasion} [{q.Theme}] {q.Text}\n");
        sb.Append("\n# dropped\n");
        foreach (var b in d.Dropped) sb.Append($"{b.FirstLine} ({b.Reason}) {b.Text}\n");
        sb.Append("\n# diagnostics\n");
        foreach (var g in d.Diagnostics) sb.Append($"{g.Level} {g.Line}: {g.Message}\n");
        return sb.ToString();
    }

    private static void Line(StringBuilder sb, string name, string? value)
    {
        if (value is not null) sb.Append(name).Append(": ").Append(value).Append('\n');
    }
}

using System.Text;
using StudyPortal.Importer.Model;
using StudyPortal.Tests;

namespace StudyPortal.Importer.Tests.Seeds;

/// <summary>
/// 003 hard-wrapped as PDF columns leave text: every line cut at the same width (10 to 20 characters), headings and
/// attribution lines included. It must give the same quotations, with the same dates and occasions, as the file itself.
/// </summary>
public sealed class Seed003HardWrapped
{
    public static TheoryData<int, bool> Widths()
    {
        var data = new TheoryData<int, bool>();
        for (var width = 10; width <= 20; width++)
        {
            data.Add(width, false);
            data.Add(width, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void WrappedAtAnyWidth_GivesTheSameQuotations(int width, bool blankAfterEveryLine)
    {
        var original = SeedParsing.Parse("003");
        var wrapped = Wrap(File.ReadAllText(TestPaths.Seed("003")), width, blankAfterEveryLine);
        var parsed = new DocumentParser().Parse(Encoding.UTF8.GetBytes(wrapped), "003-wrapped.txt");
        Assert.Equal(original.Title, parsed.Title);
        Assert.Equal(Describe(original), Describe(parsed));
    }

    private static IEnumerable<string> Describe(ParsedDocument d) =>
        d.Quotations.Select(q => $"{q.Text} | {q.Speaker} | {q.Date} | {q.DateEnd} | {q.Occasion} | {q.Theme}");

    /// <summary>Cuts every line into pieces of <paramref name="width"/> characters; paragraphs stay apart by a blank line.</summary>
    internal static string Wrap(string text, int width, bool blankAfterEveryLine)
    {
        var sb = new StringBuilder();
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0) continue;
            for (var i = 0; i < trimmed.Length; i += width)
            {
                sb.Append(trimmed.AsSpan(i, Math.Min(width, trimmed.Length - i))).Append('\n');
                if (blankAfterEveryLine) sb.Append('\n');
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }
}

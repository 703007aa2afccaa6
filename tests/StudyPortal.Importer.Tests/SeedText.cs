using StudyPortal.Importer;
using StudyPortal.Tests;

namespace StudyPortal.Importer.Tests;

/// <summary>The seed's raw text with layout removed, to count how often a sentence really occurs in it.</summary>
public static class SeedText
{
    public static int Occurrences(string seed, string sentence)
    {
        var text = CjkText.WithoutSpaces(File.ReadAllText(TestPaths.Seed(seed)));
        var needle = CjkText.WithoutSpaces(sentence);
        var count = 0;
        for (var i = text.IndexOf(needle, StringComparison.Ordinal); i >= 0; i = text.IndexOf(needle, i + 1, StringComparison.Ordinal)) count++;
        return count;
    }
}

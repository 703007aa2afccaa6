namespace StudyPortal.Tests;

/// <summary>Finds the repository's real files (the seeds above all) from wherever the test runs.</summary>
public static class TestPaths
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string Seed(string prefix) =>
        Directory.GetFiles(Seeds).Single(f => Path.GetFileName(f).StartsWith(prefix, StringComparison.Ordinal));

    public static IEnumerable<string> AllSeeds => Directory.GetFiles(Seeds, "*.txt").Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "StudyPortal.sln"))) return dir.FullName;
        throw new InvalidOperationException("StudyPortal.sln not found above " + AppContext.BaseDirectory);
    }
}

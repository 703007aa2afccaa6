namespace StudyPortal.Data;

/// <summary>Resolves the portal's folders: relative paths mean "beside the repository root", so the web app and the CLI agree.</summary>
public static class PortalPaths
{
    public const string DatabaseFileName = "studyportal.db";

    public static string Root(string? startDirectory = null)
    {
        foreach (var start in new[] { startDirectory, Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "StudyPortal.sln"))) return dir.FullName;
        }
        return startDirectory ?? AppContext.BaseDirectory;
    }

    public static string Resolve(string path, string? startDirectory = null) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(Root(startDirectory), path));

    public static string ConnectionString(PortalOptions options, string? startDirectory = null)
    {
        if (!string.IsNullOrWhiteSpace(options.Database.ConnectionString)) return options.Database.ConnectionString;
        var file = Path.Combine(Resolve(options.DataDirectory, startDirectory), DatabaseFileName);
        return SqliteConnectionString(file, options.Database.BusyTimeoutSeconds);
    }

    public static string SqliteConnectionString(string file, int busyTimeoutSeconds = 30) =>
        $"Data Source={file};Default Timeout={busyTimeoutSeconds};Pooling=True";
}

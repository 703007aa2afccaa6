using System.ComponentModel.DataAnnotations;

namespace StudyPortal.Data;

/// <summary>Where the portal keeps its data; bound from the <c>Portal</c> configuration section by the web app and the CLI alike.</summary>
public sealed class PortalOptions
{
    public const string SectionName = "Portal";

    /// <summary>Folder for the SQLite database and backups. Relative paths are resolved against the repository root (or the app folder).</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Folder whose files are imported when the library is empty. Empty to import nothing.</summary>
    public string? SeedDirectory { get; set; } = "seeds";

    public DatabaseOptions Database { get; set; } = new();
}

public sealed class DatabaseOptions
{
    /// <summary>A full connection string; when empty, the SQLite file <c>studyportal.db</c> in the data folder.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Seconds a command waits for a locked SQLite database before failing.</summary>
    [Range(1, 600)]
    public int BusyTimeoutSeconds { get; set; } = 30;
}

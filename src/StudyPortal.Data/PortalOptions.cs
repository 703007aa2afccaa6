using System.ComponentModel.DataAnnotations;

namespace StudyPortal.Data;

/// <summary>Where the portal keeps its data; bound from the <c>Portal</c> configuration section by the web app and the CLI alike.</summary>
public sealed class PortalOptions : IValidatableObject
{
    public const string SectionName = "Portal";

    /// <summary>Folder for the SQLite database and backups. Relative paths are resolved against the repository root (or the app folder).</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Folder whose files are imported when the library is empty. Empty to import nothing.</summary>
    public string? SeedDirectory { get; set; } = "seeds";

    [Microsoft.Extensions.Options.ValidateObjectMembers]
    public DatabaseOptions Database { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Database.Provider == DatabaseProvider.PostgreSQL && string.IsNullOrWhiteSpace(Database.ConnectionString))
            yield return new ValidationResult("Portal:Database:Provider is PostgreSQL but Portal:Database:ConnectionString is empty", ["Database.ConnectionString"]);
    }
}

public enum DatabaseProvider
{
    Sqlite,
    PostgreSQL,
}

public sealed class DatabaseOptions
{
    /// <summary>Sqlite (one machine, the default) or PostgreSQL (several web nodes on one database server).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// A full connection string. For SQLite, when empty, the file <c>studyportal.db</c> in the data folder; PostgreSQL
    /// needs one (<c>Host=…;Database=…;Username=…;Password=…</c>).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// How often a web node asks the database whether another node changed the library (an import, a replacement, a
    /// deletion), so its caches follow. Its own changes are seen at once.
    /// </summary>
    [Range(1, 3600)]
    public int ChangePollSeconds { get; set; } = 2;

    /// <summary>Seconds a command waits for a locked SQLite database before failing.</summary>
    [Range(1, 600)]
    public int BusyTimeoutSeconds { get; set; } = 30;
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyPortal.Data.Importing;
using StudyPortal.Data.Search;

namespace StudyPortal.Data;

/// <summary>Brings the database to the current schema (keeping a copy of the SQLite file while it migrates) and seeds an empty library.</summary>
public sealed class DatabaseInitializer(PortalDbContext db, DocumentImporter importer, ISearchIndex searchIndex, IOptions<PortalOptions> options, TimeProvider time, ILogger<DatabaseInitializer> logger)
{
    public const string SeedImporter = "system (seed)";

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        var file = SqliteFile();
        string? backup = null;
        if (file is not null) Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (file is not null)
        {
            if (pending.Count > 0 && File.Exists(file) && new FileInfo(file).Length > 0)
            {
                backup = $"{file}.{time.GetUtcNow():yyyyMMddHHmmss}.pre-migration";
                SqliteConnection.ClearAllPools();
                File.Copy(file, backup, overwrite: true);
                logger.LogInformation("Applying {Count} migrations; the database was copied to {Backup} first", pending.Count, backup);
            }
        }
        try
        {
            // Nothing to apply: no write at all, so a database opened read-only (maintenance) still starts.
            if (pending.Count > 0) await db.Database.MigrateAsync(cancellationToken);
        }
        catch (Exception ex) when (backup is not null)
        {
            logger.LogError(ex, "Migration failed; the database before it is kept at {Backup}", backup);
            throw;
        }
        if (backup is not null) File.Delete(backup);
        if (file is not null && !ReadOnly())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

        // A migration that changes how text is indexed empties the index; the documents are indexed again here.
        if (!await db.SearchEntries.AnyAsync(cancellationToken) && await db.Sections.AnyAsync(cancellationToken))
        {
            var entries = await searchIndex.RebuildAsync(cancellationToken);
            logger.LogInformation("Rebuilt the search index: {Entries} entries", entries);
        }
    }

    /// <summary>Imports the seed folder when the library holds no document yet.</summary>
    public async Task<IReadOnlyList<FileImportResult>> SeedAsync(CancellationToken cancellationToken = default)
    {
        var folder = options.Value.SeedDirectory;
        if (string.IsNullOrWhiteSpace(folder) || await db.Documents.AnyAsync(cancellationToken)) return [];
        var path = PortalPaths.Resolve(folder);
        if (!Directory.Exists(path))
        {
            logger.LogWarning("Seed folder {Folder} does not exist; the library starts empty", path);
            return [];
        }
        var results = new List<FileImportResult>();
        foreach (var file in DocumentImporter.Expand([path]))
            results.Add(await importer.ImportFileAsync(file, SeedImporter, cancellationToken));
        await searchIndex.CatchUpAsync(cancellationToken);
        logger.LogInformation("Seeded the library from {Folder}: {Imported} of {Files} files imported", path, results.Count(r => r.Succeeded), results.Count);
        return results;
    }

    private bool ReadOnly() =>
        db.Database.IsSqlite() && new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).Mode == SqliteOpenMode.ReadOnly;

    private string? SqliteFile()
    {
        if (!db.Database.IsSqlite()) return null;
        var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        return string.IsNullOrEmpty(source) || source == ":memory:" || source.StartsWith("file:", StringComparison.Ordinal) ? null : Path.GetFullPath(source);
    }
}

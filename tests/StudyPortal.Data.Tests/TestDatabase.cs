using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using StudyPortal.Data;
using StudyPortal.Data.Importing;
using StudyPortal.Importer;

namespace StudyPortal.Data.Tests;

/// <summary>A real SQLite file in a temporary folder, migrated with the real migrations.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("studyportal-data-").FullName;

    public string File => Path.Combine(_folder, PortalPaths.DatabaseFileName);

    public PortalDbContext CreateContext(params IInterceptor[] interceptors)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite(PortalPaths.SqliteConnectionString(File));
        if (interceptors.Length > 0) options.AddInterceptors(interceptors);
        return new PortalDbContext(options.Options);
    }

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase();
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        return database;
    }

    public static DocumentStore Store(PortalDbContext db) => new(db, new StudyPortal.Data.Search.SqliteSearchIndex(db), TimeProvider.System, new LibraryVersion(), NullLogger<DocumentStore>.Instance);

    public DocumentImporter Importer(PortalDbContext db) =>
        new(new DocumentParser(), Store(db), db, Microsoft.Extensions.Options.Options.Create(new ImportOptions()), NullLogger<DocumentImporter>.Instance);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}

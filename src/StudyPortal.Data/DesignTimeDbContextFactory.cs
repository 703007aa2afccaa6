using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace StudyPortal.Data;

/// <summary>
/// Lets `dotnet ef migrations add NAME --project src/StudyPortal.Data` build the context for SQLite's migrations
/// without starting the web app. PostgreSQL's assembly has its own.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) => new(PortalDatabase.Options(DatabaseProvider.Sqlite, "Data Source=design-time.db"));
}

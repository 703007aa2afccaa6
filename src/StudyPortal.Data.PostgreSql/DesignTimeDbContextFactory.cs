using Microsoft.EntityFrameworkCore.Design;

namespace StudyPortal.Data.PostgreSql;

/// <summary>
/// Lets `dotnet ef migrations add NAME --project src/StudyPortal.Data.PostgreSql` build the PostgreSQL model; adding a
/// migration contacts no server.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) => new(PortalDatabase.Options(DatabaseProvider.PostgreSQL, "Host=localhost;Database=design-time"));
}

using Microsoft.EntityFrameworkCore;

namespace StudyPortal.Data.Tests;

/// <summary>Each provider's migrations describe the model exactly: a change to the model comes with its migration.</summary>
public sealed class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.PostgreSQL, "Host=127.0.0.1;Database=never-opened")]
    public void TheModel_HasNoChangesWithoutAMigration(DatabaseProvider provider, string connectionString)
    {
        using var db = new PortalDbContext(PortalDatabase.Options(provider, connectionString));

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"{provider}: the model differs from the last migration; add one with dotnet ef migrations add.");
    }
}

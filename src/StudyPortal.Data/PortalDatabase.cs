using Microsoft.EntityFrameworkCore;

namespace StudyPortal.Data;

/// <summary>Points a <see cref="PortalDbContext"/> at the configured database: the provider and where its migrations live.</summary>
public static class PortalDatabase
{
    /// <summary>
    /// PostgreSQL's migrations are their own assembly (EF Core's way of keeping one model with migrations per provider);
    /// SQLite's stay in this one. The web app and the CLI reference it, so it is deployed with them.
    /// </summary>
    public const string PostgreSqlMigrationsAssembly = "StudyPortal.Data.PostgreSql";

    public static DbContextOptionsBuilder UsePortalDatabase(this DbContextOptionsBuilder builder, PortalOptions options) =>
        builder.UsePortalDatabase(options.Database.Provider, PortalPaths.ConnectionString(options));

    public static DbContextOptionsBuilder UsePortalDatabase(this DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.PostgreSQL => builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgreSqlMigrationsAssembly)),
            _ => builder.UseSqlite(connectionString),
        };

    public static DbContextOptions<PortalDbContext> Options(DatabaseProvider provider, string connectionString) =>
        (DbContextOptions<PortalDbContext>)new DbContextOptionsBuilder<PortalDbContext>().UsePortalDatabase(provider, connectionString).Options;
}

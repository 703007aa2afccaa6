using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using StudyPortal.Tests;

namespace StudyPortal.Web.Tests.Infrastructure;

/// <summary>
/// The real app on a real database of its own — a SQLite file in a folder of its own, or, in the run with
/// STUDYPORTAL_TEST_PROVIDER=PostgreSQL, a PostgreSQL database of its own (<see cref="TestPostgres"/>) — seeded from
/// the repository's seeds/, with reading open to anonymous visitors (the intranet setting) so the reading tests need no
/// account. <see cref="SecuredPortalFactory"/> runs the default: sign-in required. A factory made with
/// <c>sharing</c> is a second app instance on another factory's database (a restart, a second web node).
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    public const string AdminUserName = "admin";
    public const string AdminPassword = "Admin-pass-2026";

    private readonly bool _ownsDatabase;

    public PortalFactory() : this(null)
    {
    }

    protected PortalFactory(PortalFactory? sharing)
    {
        _ownsDatabase = sharing is null;
        DataDirectory = sharing?.DataDirectory ?? Directory.CreateTempSubdirectory("studyportal-web-").FullName;
        PostgresConnectionString = sharing is null ? (TestPostgres.IsProviderUnderTest ? TestPostgres.CreateDatabase() : null) : sharing.PostgresConnectionString;
    }

    public string DataDirectory { get; }

    /// <summary>The app's PostgreSQL database when the tests run the portal on PostgreSQL; null on SQLite.</summary>
    public string? PostgresConnectionString { get; }

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Portal:Database:Provider"] = PostgresConnectionString is null ? "Sqlite" : "PostgreSQL",
        ["Portal:Database:ConnectionString"] = PostgresConnectionString,
        // Two app instances on one database see each other's imports within a second.
        ["Portal:Database:ChangePollSeconds"] = "1",
        ["Portal:DataDirectory"] = DataDirectory,
        ["Portal:SeedDirectory"] = TestPaths.Seeds,
        ["Portal:Access:AnonymousReading"] = "true",
        ["Portal:Admin:UserName"] = AdminUserName,
        ["Portal:Admin:Password"] = AdminPassword,
        ["Serilog:MinimumLevel:Default"] = "Warning",
        // The tests sign in hundreds of times from one address; RateLimitTests checks the limits with low ones.
        ["Portal:RateLimits:SignInPerMinute"] = "100000",
        ["Portal:RateLimits:SearchPerMinute"] = "100000",
        ["Portal:RateLimits:UploadPerMinute"] = "100000",
        // Tests read a section to its end at once; ReadingTimeTests keep the default and move a fake clock.
        ["Reading:MinimumReadFraction"] = "0",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(Settings));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing || !_ownsDatabase) return;
        SqliteConnection.ClearAllPools();
        if (PostgresConnectionString is not null) TestPostgres.DropDatabase(PostgresConnectionString);
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine; the temp folder is cleaned by the OS.
        }
    }
}

/// <summary>The app as it ships: sign-in required to read.</summary>
public class SecuredPortalFactory : PortalFactory
{
    public SecuredPortalFactory() : this(null)
    {
    }

    protected SecuredPortalFactory(PortalFactory? sharing) : base(sharing)
    {
    }

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings.Remove("Portal:Access:AnonymousReading");
            return settings;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SecuredPortalCollection : ICollectionFixture<SecuredPortalFactory>
{
    public const string Name = "secured portal";
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFactory>
{
    public const string Name = "portal";
}

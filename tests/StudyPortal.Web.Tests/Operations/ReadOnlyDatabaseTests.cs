using System.Net;
using System.Net.Http.Headers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyPortal.Data;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Operations;

/// <summary>
/// The portal on a database it cannot write (opened read-only, as a disk that refuses writes would leave it): a copy of
/// a seeded portal's database, so reading works and every write fails at SQLite.
/// </summary>
public sealed class ReadOnlyPortalFactory : SecuredPortalFactory
{
    public string DatabaseFile { get; }

    public ReadOnlyPortalFactory()
    {
        DatabaseFile = Path.Combine(DataDirectory, "readonly.db");
        using var source = new SecuredPortalFactory();
        using (var scope = source.Services.CreateScope())
            scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.ExecuteSqlRaw("PRAGMA wal_checkpoint(TRUNCATE);");
        SqliteConnection.ClearAllPools();
        File.Copy(Path.Combine(source.DataDirectory, PortalPaths.DatabaseFileName), DatabaseFile);
    }

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Portal:Database:ConnectionString"] = $"Data Source={DatabaseFile};Mode=ReadOnly;Default Timeout=5";
            return settings;
        }
    }
}

/// <summary>SQLite's read-only mode; PostgreSQL refuses writes through its own permissions, not tested here.</summary>
[Trait("Provider", "Sqlite")]
public sealed class ReadOnlyDatabaseTests(ReadOnlyPortalFactory factory) : IClassFixture<ReadOnlyPortalFactory>
{
    private static long Count(string file, string table)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""SELECT count(*) FROM "{table}" """;
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task Upload_ToADatabaseThatCannotBeWritten_GetsAClearPage_AndNothingIsStored()
    {
        var admin = await factory.AdminClientAsync();
        var (reading, _) = await HtmlPage.GetAsync(admin, "/");
        Assert.Equal(HttpStatusCode.OK, reading.StatusCode); // reading still works

        var documents = Count(factory.DatabaseFile, "Documents");
        var token = await Accounts.TokenAsync(admin, "/admin/upload");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("只读测试资料\n\n这是一段足够长的正文，用来检验数据库不能写入时的处理。\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "files", "readonly.txt");
        var response = await admin.PostAsync(new Uri("/admin/upload", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("暂时无法保存", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("没有保存", page.QuerySelector(".error-page")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(documents, Count(factory.DatabaseFile, "Documents"));
        Assert.Equal(0, Count(factory.DatabaseFile, "UploadDrafts"));
    }
}

/// <summary>The secured portal on a PostgreSQL database of its own, whichever provider the run puts the other tests on.</summary>
public sealed class PostgresPortalFactory : SecuredPortalFactory
{
    public string ConnectionString { get; } = StudyPortal.Tests.TestPostgres.CreateDatabase();

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Portal:Database:Provider"] = "PostgreSQL";
            settings["Portal:Database:ConnectionString"] = ConnectionString;
            return settings;
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) StudyPortal.Tests.TestPostgres.DropDatabase(ConnectionString);
    }
}

/// <summary>The same failure on PostgreSQL (issue 12, item 9): a database that refuses writes answers 503 with the same page, not 500.</summary>
public sealed class ReadOnlyPostgresTests(PostgresPortalFactory factory) : IClassFixture<PostgresPortalFactory>
{
    [Fact]
    public async Task Upload_ToAReadOnlyPostgresDatabase_GetsTheStoragePage_AndNothingIsStored()
    {
        var admin = await factory.AdminClientAsync();
        var token = await Accounts.TokenAsync(admin, "/admin/upload");
        var database = new Npgsql.NpgsqlConnectionStringBuilder(factory.ConnectionString).Database;
        await using (var connection = new Npgsql.NpgsqlConnection(StudyPortal.Tests.TestPostgres.Server))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"ALTER DATABASE {database} SET default_transaction_read_only = on";
            await command.ExecuteNonQueryAsync();
        }
        Npgsql.NpgsqlConnection.ClearAllPools();

        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("只读测试资料\n\n这是一段足够长的正文，用来检验数据库不能写入时的处理。\n")), "files", "readonly.txt");
        var response = await admin.PostAsync(new Uri("/admin/upload", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("暂时无法保存", page.QuerySelector("h1")!.TextContent);
        using var scope = factory.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<PortalDbContext>().UploadDrafts.AnyAsync());
    }
}

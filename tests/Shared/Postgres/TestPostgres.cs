using Npgsql;

namespace StudyPortal.Tests;

/// <summary>
/// The PostgreSQL server the tests use: the throwaway cluster scripts/test.sh starts (scripts/postgres-cluster.sh) and
/// names in <see cref="ServerVariable"/>. Each test app gets a database of its own on it, dropped afterwards.
/// With <see cref="ProviderVariable"/> = PostgreSQL the web tests run the portal on PostgreSQL instead of SQLite.
/// </summary>
public static class TestPostgres
{
    public const string ServerVariable = "STUDYPORTAL_TEST_POSTGRES";
    public const string ProviderVariable = "STUDYPORTAL_TEST_PROVIDER";

    /// <summary>True in the test run that puts the portal on PostgreSQL.</summary>
    public static bool IsProviderUnderTest =>
        string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    public static string Server =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                $"{ServerVariable} is not set: run the tests with scripts/test.sh, which starts a throwaway PostgreSQL cluster, " +
                $"or start one with scripts/postgres-cluster.sh start and export {ServerVariable} with the connection string it prints.");

    /// <summary>Creates an empty UTF-8 database and returns its connection string.</summary>
    public static string CreateDatabase()
    {
        var name = "sp_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(Server))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0";
            command.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString;
    }

    public static void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(Server);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS {name} WITH (FORCE)";
        command.ExecuteNonQuery();
    }
}

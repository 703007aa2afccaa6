using Microsoft.Data.Sqlite;
using Npgsql;

namespace StudyPortal.Data;

/// <summary>
/// What a database exception means, whichever provider threw it: one place that knows SQLite's error codes and
/// PostgreSQL's SQLSTATEs. The whole chain of inner exceptions is looked at (EF wraps them).
/// </summary>
public static class DatabaseErrors
{
    /// <summary>
    /// The database cannot take writes just now: read-only (SQLite's read-only mode or file, PostgreSQL's
    /// read-only transactions or a standby), full (disk or quota), or failing at the disk.
    /// </summary>
    public static bool IsUnwritable(Exception? error) => Any(error, e => e switch
    {
        // SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN
        SqliteException s => s.SqliteErrorCode is 8 or 10 or 13 or 14,
        // read_only_sql_transaction, insufficient_resources, disk_full, out_of_memory, io_error, cannot_connect_now (recovery)
        PostgresException p => p.SqlState is "25006" or "53000" or "53100" or "53200" or "58030" or "57P03",
        _ => false,
    });

    /// <summary>A unique index turned the row away (another request inserted it first).</summary>
    public static bool IsUniqueViolation(Exception? error) => Any(error, e => e switch
    {
        SqliteException s => s.SqliteErrorCode == 19,
        PostgresException p => p.SqlState == "23505",
        _ => false,
    });

    private static bool Any(Exception? error, Func<Exception, bool> test)
    {
        for (var e = error; e is not null; e = e.InnerException)
            if (test(e)) return true;
        return false;
    }
}

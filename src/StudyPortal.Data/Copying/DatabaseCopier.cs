using System.Collections;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using StudyPortal.Data.Library;
using StudyPortal.Data.Search;

namespace StudyPortal.Data.Copying;

/// <summary>What was copied of one table, and whether its rows read back the same.</summary>
public sealed record TableCopy(string Table, long SourceRows, long TargetRows, int SpotChecked, IReadOnlyList<string> Differences)
{
    public bool Verified => SourceRows == TargetRows && Differences.Count == 0;
}

/// <summary>
/// Copies a whole portal — documents and their originals, users and roles, groups, assignments, check-ins, reading
/// progress, notices, audit trail, data-protection keys — from one database (SQLite) into an empty PostgreSQL one,
/// table by table in foreign-key order, keeping every id, in one transaction: the target ends up whole or untouched.
/// The model drives it, so a new table is copied without a change here. Rows go through EF Core's materializer and
/// value converters (SQLite's text dates become PostgreSQL timestamps) and into PostgreSQL by binary COPY. The search
/// index is derived data: it is built on the target from the copied documents, not copied. Afterwards every table's
/// count is compared and a spot check reads rows back from both sides.
/// </summary>
public sealed class DatabaseCopier(PortalDbContext source, PortalDbContext target)
{
    /// <summary>Rows per table compared field by field: the first, the last and a few between, by primary key.</summary>
    public const int SpotCheckRows = 5;


    public async Task<IReadOnlyList<TableCopy>> CopyAsync(TextWriter progress, CancellationToken cancellationToken)
    {
        if (!target.Database.IsNpgsql()) throw new InvalidOperationException("The target of a copy is a PostgreSQL database.");
        var tables = TablesInCopyOrder(target.Model);
        await EnsureEmptyAsync(tables, cancellationToken);

        var connection = (NpgsqlConnection)target.Database.GetDbConnection();
        await using (var transaction = await target.Database.BeginTransactionAsync(cancellationToken))
        {
            // Rows the migrations seed (the library revision) are replaced by the source's.
            await target.LibraryState.ExecuteDeleteAsync(cancellationToken);
            foreach (var table in tables)
            {
                var rows = await CopyTableAsync(connection, table, cancellationToken);
                await progress.WriteLineAsync($"copied {table.GetTableName()}: {rows} rows");
            }
            await ResetIdentitiesAsync(tables, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var entries = await new PostgresSearchIndex(target).RebuildAsync(cancellationToken);
        await progress.WriteLineAsync($"built the search index: {entries} entries");
        return await VerifyAsync(tables, cancellationToken);
    }

    /// <summary>The tables to copy, each after the tables its foreign keys point to (the search index is rebuilt, not copied).</summary>
    public static IReadOnlyList<IEntityType> TablesInCopyOrder(IModel model)
    {
        var types = model.GetEntityTypes().Where(t => t.GetTableName() is not null && t.ClrType != typeof(SearchEntry)).ToList();
        var ordered = new List<IEntityType>();
        var placed = new HashSet<IEntityType>();
        while (ordered.Count < types.Count)
        {
            var ready = types.Where(t => !placed.Contains(t) && t.GetForeignKeys().All(fk => fk.PrincipalEntityType == t || placed.Contains(fk.PrincipalEntityType) || !types.Contains(fk.PrincipalEntityType)))
                .OrderBy(t => t.GetTableName(), StringComparer.Ordinal).ToList();
            if (ready.Count == 0) throw new InvalidOperationException("The model's foreign keys form a cycle; the copy order cannot be found.");
            ordered.AddRange(ready);
            placed.UnionWith(ready);
        }
        return ordered;
    }

    private async Task EnsureEmptyAsync(IReadOnlyList<IEntityType> tables, CancellationToken cancellationToken)
    {
        foreach (var table in tables.Where(t => t.ClrType != typeof(LibraryState)))
        {
            if (await CountAsync(target, table, cancellationToken) > 0)
                throw new InvalidOperationException(
                    $"The target database is not empty: {table.GetTableName()} has rows. Copy into a new database no web node has started on.");
        }
    }

    private async Task<long> CopyTableAsync(NpgsqlConnection connection, IEntityType table, CancellationToken cancellationToken)
    {
        var columns = Columns(table);
        var copy = $"COPY \"{table.GetTableName()}\" ({string.Join(", ", columns.Select(c => $"\"{c.Target.GetColumnName()}\""))}) FROM STDIN (FORMAT BINARY)";
        long rows = 0;
        await using var writer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        await foreach (var entity in Rows(source, table).WithCancellation(cancellationToken))
        {
            await writer.StartRowAsync(cancellationToken);
            foreach (var (sourceProperty, targetProperty) in columns)
            {
                var value = ColumnValues.ProviderValue(targetProperty, sourceProperty.GetGetter().GetClrValueUsingContainingEntity(entity));
                if (value is null) await writer.WriteNullAsync(cancellationToken);
                else await writer.WriteAsync(value, targetProperty.GetColumnType(), cancellationToken);
            }
            rows++;
        }
        await writer.CompleteAsync(cancellationToken);
        return rows;
    }

    /// <summary>Each target column with the source property that fills it (shadow columns of the target alone are left out).</summary>
    private List<(IProperty Source, IProperty Target)> Columns(IEntityType table)
    {
        var sourceType = source.Model.FindEntityType(table.Name) ?? throw new InvalidOperationException($"The source has no {table.Name}.");
        return table.GetProperties().Select(p => (Source: sourceType.FindProperty(p.Name), Target: p))
            .Where(c => c.Source is not null).Select(c => (c.Source!, c.Target)).ToList();
    }

    // The entity types are known only at run time: each query is a generic method made for the table's CLR type.
    private static T ForType<T>(string method, IEntityType table, params object[] arguments) =>
        (T)typeof(DatabaseCopier).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(table.ClrType).Invoke(null, arguments)!;

    private static IAsyncEnumerable<object> Rows(PortalDbContext context, IEntityType table) =>
        ForType<IAsyncEnumerable<object>>(nameof(RowsOf), table, context);

    private static IAsyncEnumerable<object> RowsOf<T>(PortalDbContext context) where T : class => context.Set<T>().AsNoTracking().AsAsyncEnumerable();

    private static Task<long> CountAsync(PortalDbContext context, IEntityType table, CancellationToken cancellationToken) =>
        ForType<Task<long>>(nameof(CountOfAsync), table, context, cancellationToken);

    private static Task<long> CountOfAsync<T>(PortalDbContext context, CancellationToken cancellationToken) where T : class => context.Set<T>().LongCountAsync(cancellationToken);

    /// <summary>Identity columns continue after the copied ids, so the next row PostgreSQL numbers does not collide.</summary>
    private async Task ResetIdentitiesAsync(IReadOnlyList<IEntityType> tables, CancellationToken cancellationToken)
    {
        foreach (var table in tables)
        {
            foreach (var key in table.FindPrimaryKey()!.Properties.Where(p => p.ValueGenerated == ValueGenerated.OnAdd && (p.ClrType == typeof(int) || p.ClrType == typeof(long))))
            {
                var name = table.GetTableName();
                var column = key.GetColumnName();
                // Names from the model, not from input.
                var sql = $"""SELECT setval(pg_get_serial_sequence('"{name}"', '{column}'), coalesce(max("{column}"), 0) + 1, false) FROM "{name}" """;
                await target.Database.ExecuteSqlRawAsync(sql, cancellationToken);
            }
        }
    }

    private async Task<IReadOnlyList<TableCopy>> VerifyAsync(IReadOnlyList<IEntityType> tables, CancellationToken cancellationToken)
    {
        var report = new List<TableCopy>();
        foreach (var table in tables)
        {
            var sourceRows = await CountAsync(source, table, cancellationToken);
            var targetRows = await CountAsync(target, table, cancellationToken);
            var (checkedRows, differences) = await SpotCheckAsync(table, sourceRows, cancellationToken);
            report.Add(new TableCopy(table.GetTableName()!, sourceRows, targetRows, checkedRows, differences));
        }
        return report;
    }

    /// <summary>Reads a few rows at spread positions from both databases, by primary key order, and compares every column.</summary>
    private async Task<(int, List<string>)> SpotCheckAsync(IEntityType table, long rows, CancellationToken cancellationToken)
    {
        var differences = new List<string>();
        if (rows == 0) return (0, differences);
        var columns = Columns(table);
        var positions = Enumerable.Range(0, SpotCheckRows).Select(i => rows == 1 ? 0 : i * (rows - 1) / (SpotCheckRows - 1)).Distinct().ToList();
        foreach (var position in positions)
        {
            var left = await RowAtAsync(source, table, position, cancellationToken);
            var right = await RowAtAsync(target, target.Model.FindEntityType(table.Name)!, position, cancellationToken);
            foreach (var (sourceProperty, targetProperty) in columns)
            {
                var a = ColumnValues.ProviderValue(targetProperty, sourceProperty.GetGetter().GetClrValueUsingContainingEntity(left));
                var b = ColumnValues.ProviderValue(targetProperty, targetProperty.GetGetter().GetClrValueUsingContainingEntity(right));
                if (!Same(a, b)) differences.Add($"{table.GetTableName()} row {position + 1}: {targetProperty.Name} differs");
            }
        }
        return (positions.Count, differences);
    }

    private static Task<object> RowAtAsync(PortalDbContext context, IEntityType table, long position, CancellationToken cancellationToken) =>
        ForType<Task<object>>(nameof(RowOfAsync), table, context, table.FindPrimaryKey()!.Properties.Select(p => p.Name).ToArray(), position, cancellationToken);

    private static async Task<object> RowOfAsync<T>(PortalDbContext context, string[] keys, long position, CancellationToken cancellationToken) where T : class
    {
        var ordered = context.Set<T>().OrderBy(e => EF.Property<object>(e, keys[0]));
        foreach (var key in keys.Skip(1)) ordered = ordered.ThenBy(e => EF.Property<object>(e, key));
        return await ordered.AsNoTracking().Skip((int)position).FirstAsync(cancellationToken);
    }

    private static bool Same(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (byte[] x, byte[] y) => x.AsSpan().SequenceEqual(y),
        // PostgreSQL keeps microseconds, .NET ticks are tenths of them.
        (DateTime x, DateTime y) => Math.Abs((x - y).Ticks) < 10,
        (DateTimeOffset x, DateTimeOffset y) => Math.Abs((x - y).Ticks) < 10,
        (IEnumerable x, IEnumerable y) when a is not string => x.Cast<object>().SequenceEqual(y.Cast<object>()),
        _ => Equals(a, b),
    };
}

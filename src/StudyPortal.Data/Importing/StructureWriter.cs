using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace StudyPortal.Data.Importing;

/// <summary>
/// Writes a document's rows (articles, sections, paragraphs, quotations) inside the caller's transaction, in document
/// order, giving each row its generated id. The tables, columns and value conversions come from the EF model, as in
/// <see cref="Copying.DatabaseCopier"/>, so a new column is written without a change here. EF Core's change tracker
/// costs about 200 µs a row, which made a 20 MB booklet take minutes: on SQLite (in-process) the writer uses one
/// prepared <c>INSERT … RETURNING</c> per table, a few µs a row; on PostgreSQL every statement is a round trip, so
/// <see cref="PostgresStructureWriter"/> takes the ids from the sequences up front and sends the rows by binary COPY.
/// </summary>
internal abstract class StructureWriter : IAsyncDisposable
{
    protected StructureWriter(IModel model) => Model = model;

    protected IModel Model { get; }

    /// <param name="expectedRows">Rows about to be written per entity type, for the writers that reserve ids up front.</param>
    public static async Task<StructureWriter> OpenAsync(PortalDbContext db, IReadOnlyDictionary<Type, int> expectedRows, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open) await connection.OpenAsync(cancellationToken);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The structure is written inside the store's transaction.");
        return connection is NpgsqlConnection postgres
            ? await PostgresStructureWriter.OpenAsync(db.Model, postgres, expectedRows, cancellationToken)
            : new SqliteStructureWriter(db.Model, connection, transaction);
    }

    /// <summary>Writes (or buffers) the row and sets its generated id, if it has one.</summary>
    public abstract Task AddAsync<T>(T row, CancellationToken cancellationToken) where T : class;

    /// <summary>Sends what was buffered.</summary>
    public virtual Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    protected IEntityType EntityType<T>() => Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T)} is not in the model.");

    protected static IProperty? GeneratedKey(IEntityType type) =>
        type.FindPrimaryKey()!.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } key] ? key : null;

    protected static object? Value(IProperty property, object row) => ColumnValues.ProviderValue(property, property.GetGetter().GetClrValueUsingContainingEntity(row));

    protected static void SetKey(IProperty key, object row, object id) =>
        key.PropertyInfo!.SetValue(row, Convert.ChangeType(id, key.ClrType, System.Globalization.CultureInfo.InvariantCulture));
}

internal sealed class SqliteStructureWriter(IModel model, DbConnection connection, DbTransaction transaction) : StructureWriter(model)
{
    private sealed record Insert(DbCommand Command, IProperty[] Columns, IProperty? Key);

    private readonly Dictionary<Type, Insert> _inserts = [];

    public override async Task AddAsync<T>(T row, CancellationToken cancellationToken)
    {
        if (!_inserts.TryGetValue(typeof(T), out var insert)) _inserts[typeof(T)] = insert = Prepare(EntityType<T>());
        for (var i = 0; i < insert.Columns.Length; i++) insert.Command.Parameters[i].Value = Value(insert.Columns[i], row) ?? DBNull.Value;
        if (insert.Key is null)
        {
            await insert.Command.ExecuteNonQueryAsync(cancellationToken);
            return;
        }
        SetKey(insert.Key, row, (await insert.Command.ExecuteScalarAsync(cancellationToken))!);
    }

    private Insert Prepare(IEntityType type)
    {
        var key = GeneratedKey(type);
        var columns = type.GetProperties().Where(p => p != key).ToArray();
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        // Names from the model, never from input.
        command.CommandText = $"""INSERT INTO "{type.GetTableName()}" ({string.Join(", ", columns.Select(c => $"\"{c.GetColumnName()}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})"""
            + (key is null ? "" : $""" RETURNING "{key.GetColumnName()}" """);
        for (var i = 0; i < columns.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i;
            command.Parameters.Add(parameter);
        }
        return new Insert(command, columns, key);
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var insert in _inserts.Values) await insert.Command.DisposeAsync();
        await base.DisposeAsync();
    }
}

/// <summary>Ids from the sequences (one round trip per table), rows by binary COPY when the structure is complete.</summary>
internal sealed class PostgresStructureWriter : StructureWriter
{
    private readonly NpgsqlConnection _connection;
    private readonly Dictionary<Type, Queue<int>> _ids;
    private readonly Dictionary<Type, List<object>> _rows = [];

    private PostgresStructureWriter(IModel model, NpgsqlConnection connection, Dictionary<Type, Queue<int>> ids) : base(model)
    {
        _connection = connection;
        _ids = ids;
    }

    public static async Task<StructureWriter> OpenAsync(IModel model, NpgsqlConnection connection, IReadOnlyDictionary<Type, int> expectedRows, CancellationToken ct)
    {
        var ids = new Dictionary<Type, Queue<int>>();
        foreach (var (type, count) in expectedRows)
        {
            var entity = model.FindEntityType(type)!;
            if (GeneratedKey(entity) is { } key) ids[type] = await IdsAsync(connection, entity.GetTableName()!, key.GetColumnName(), count, ct);
        }
        return new PostgresStructureWriter(model, connection, ids);
    }

    /// <summary>Takes <paramref name="count"/> ids from the table's identity sequence, as PostgreSQL would give them row by row.</summary>
    private static async Task<Queue<int>> IdsAsync(NpgsqlConnection connection, string table, string column, int count, CancellationToken ct)
    {
        var ids = new Queue<int>(count);
        if (count == 0) return ids;
        await using var command = connection.CreateCommand();
        command.CommandText = $"""SELECT nextval(pg_get_serial_sequence('"{table}"', '{column}'))::integer FROM generate_series(1, @count)""";
        command.Parameters.AddWithValue("count", count);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Enqueue(reader.GetInt32(0));
        return ids;
    }

    public override Task AddAsync<T>(T row, CancellationToken cancellationToken)
    {
        // A table whose ids nobody needs afterwards (quotations) leaves them to the column's default.
        if (_ids.TryGetValue(typeof(T), out var ids) && GeneratedKey(EntityType<T>()) is { } key) SetKey(key, row, ids.Dequeue());
        if (!_rows.TryGetValue(typeof(T), out var rows)) _rows[typeof(T)] = rows = [];
        rows.Add(row);
        return Task.CompletedTask;
    }

    public override async Task CompleteAsync(CancellationToken cancellationToken)
    {
        // In the order rows were first added, which is foreign-key order.
        foreach (var (type, rows) in _rows) await CopyAsync(Model.FindEntityType(type)!, rows, cancellationToken);
    }

    private async Task CopyAsync(IEntityType type, List<object> rows, CancellationToken ct)
    {
        var key = GeneratedKey(type);
        var columns = type.GetProperties().Where(p => p != key || _ids.ContainsKey(type.ClrType)).ToArray();
        await using var copy = await _connection.BeginBinaryImportAsync(
            $"""COPY "{type.GetTableName()}" ({string.Join(", ", columns.Select(c => $"\"{c.GetColumnName()}\""))}) FROM STDIN (FORMAT BINARY)""", ct);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(ct);
            foreach (var column in columns)
            {
                if (Value(column, row) is { } value) await copy.WriteAsync(value, column.GetColumnType(), ct);
                else await copy.WriteNullAsync(ct);
            }
        }
        await copy.CompleteAsync(ct);
    }
}

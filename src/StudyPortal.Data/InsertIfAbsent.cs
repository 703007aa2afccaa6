using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace StudyPortal.Data;

/// <summary>
/// An insert that a unique index may turn away without an error: <c>INSERT … ON CONFLICT DO NOTHING</c>, which SQLite
/// and PostgreSQL both speak, with the table and columns taken from the EF model. Two requests that both create the
/// same row (a double-clicked check-in, two progress reports of a first visit) then meet no exception and leave no
/// error in the log; the loser updates the winner's row instead.
/// </summary>
public static class InsertIfAbsent
{
    /// <summary>True when the row was inserted; false when a row with the same unique values was already there.</summary>
    public static async Task<bool> InsertIfAbsentAsync<T>(this DbContext db, T entity, CancellationToken cancellationToken) where T : class
    {
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        // Keys the database generates (identity columns) are left to it.
        var columns = type.GetProperties().Where(p => p.PropertyInfo is not null && p.ValueGenerated != ValueGenerated.OnAdd).ToList();
        var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" (")
            .AppendJoin(", ", columns.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))
            .Append(") VALUES (").AppendJoin(", ", columns.Select((_, i) => "{" + i + "}")).Append(") ON CONFLICT DO NOTHING");
        var values = columns.Select(p =>
        {
            var value = p.PropertyInfo!.GetValue(entity);
            return value is null ? null : p.GetTypeMapping().Converter?.ConvertToProvider(value) ?? value;
        }).ToArray();
        return await db.Database.ExecuteSqlRawAsync(text.ToString(), values!, cancellationToken) == 1;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace StudyPortal.Data;

/// <summary>Values as the database stores them, for the writers that go around the change tracker.</summary>
internal static class ColumnValues
{
    /// <summary>Through the property's converter, and every date and time as UTC (SQLite keeps no kind).</summary>
    public static object? ProviderValue(IProperty property, object? value)
    {
        var converter = property.GetTypeMapping().Converter;
        if (converter is not null && value is not null) value = converter.ConvertToProvider(value);
        return value is DateTime { Kind: DateTimeKind.Unspecified } dateTime ? DateTime.SpecifyKind(dateTime, DateTimeKind.Utc) : value;
    }
}

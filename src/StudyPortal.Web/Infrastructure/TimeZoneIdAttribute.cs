using System.ComponentModel.DataAnnotations;

namespace StudyPortal.Web.Infrastructure;

/// <summary>A time zone this machine knows, by its IANA id (Asia/Shanghai).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TimeZoneIdAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is string id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _)
            ? ValidationResult.Success
            : new ValidationResult($"'{value}' is not a time zone this machine knows; use an IANA id such as Asia/Shanghai.", [validationContext.MemberName!]);
}

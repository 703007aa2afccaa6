using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.Options;
using StudyPortal.Web.Infrastructure.Accounts;
using StudyPortal.Web.Infrastructure.Groups;

namespace StudyPortal.Web.Infrastructure;

// One source-generated validator per options class of the web app that has values to check (registered by
// AddValidatedOptions); AccessOptions holds only switches, bound (and so checked) at start-up.
[OptionsValidator]
public sealed partial class StudyOptionsValidator : IValidateOptions<StudyOptions>;

[OptionsValidator]
public sealed partial class ReadingOptionsValidator : IValidateOptions<ReadingOptions>;

[OptionsValidator]
public sealed partial class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>;

[OptionsValidator]
public sealed partial class AdminAccountOptionsValidator : IValidateOptions<AdminAccountOptions>;

[OptionsValidator]
public sealed partial class ProxyOptionsValidator : IValidateOptions<ProxyOptions>;

[OptionsValidator]
public sealed partial class KeyRingOptionsValidator : IValidateOptions<KeyRingOptions>;

/// <summary>A time zone this machine knows, by its IANA id (Asia/Shanghai).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TimeZoneIdAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is string id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _)
            ? ValidationResult.Success
            : new ValidationResult($"'{value}' is not a time zone this machine knows; use an IANA id such as Asia/Shanghai.", [validationContext.MemberName!]);
}

/// <summary>Every entry an IP address.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class IpAddressesAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is not IEnumerable<string> addresses || addresses.All(a => IPAddress.TryParse(a, out _))
            ? ValidationResult.Success
            : new ValidationResult($"Not an IP address: {string.Join(", ", ((IEnumerable<string>)value).Where(a => !IPAddress.TryParse(a, out _)))}.", [validationContext.MemberName!]);
}

/// <summary>A file that exists, when a path is given.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ExistingFileAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is not string path || string.IsNullOrWhiteSpace(path) || File.Exists(path)
            ? ValidationResult.Success
            : new ValidationResult($"No such file: {path}.", [validationContext.MemberName!]);
}

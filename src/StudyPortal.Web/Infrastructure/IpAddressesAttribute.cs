using System.ComponentModel.DataAnnotations;
using System.Net;

namespace StudyPortal.Web.Infrastructure;

/// <summary>Every entry an IP address.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class IpAddressesAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is not IEnumerable<string> addresses || addresses.All(a => IPAddress.TryParse(a, out _))
            ? ValidationResult.Success
            : new ValidationResult($"Not an IP address: {string.Join(", ", ((IEnumerable<string>)value).Where(a => !IPAddress.TryParse(a, out _)))}.", [validationContext.MemberName!]);
}

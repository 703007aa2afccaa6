using System.ComponentModel.DataAnnotations;

namespace StudyPortal.Web.Infrastructure;

/// <summary>A file that exists, when a path is given.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ExistingFileAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is not string path || string.IsNullOrWhiteSpace(path) || File.Exists(path)
            ? ValidationResult.Success
            : new ValidationResult($"No such file: {path}.", [validationContext.MemberName!]);
}

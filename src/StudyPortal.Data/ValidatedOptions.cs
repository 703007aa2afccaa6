using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StudyPortal.Importer;

namespace StudyPortal.Data;

/// <summary>
/// Every options class is bound from its configuration section and checked at start-up by a source-generated
/// validator (nested objects too, where they are marked <see cref="ValidateObjectMembersAttribute"/>): a bad value
/// stops the portal with a message that names the section and the key, instead of being used or silently replaced.
/// </summary>
public static class ValidatedOptions
{
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, string sectionName)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>, new()
    {
        services.AddSingleton<IValidateOptions<TOptions>>(new SectionValidator<TOptions>(sectionName, new TValidator()));
        return services.AddOptions<TOptions>().BindConfiguration(sectionName).ValidateOnStart();
    }

    private sealed class SectionValidator<TOptions>(string sectionName, IValidateOptions<TOptions> validator) : IValidateOptions<TOptions>
        where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            var result = validator.Validate(name, options);
            return result.Failed ? ValidateOptionsResult.Fail(result.Failures!.Select(f => $"Configuration section '{sectionName}': {f}")) : result;
        }
    }
}

[OptionsValidator]
public sealed partial class PortalOptionsValidator : IValidateOptions<PortalOptions>;

[OptionsValidator]
public sealed partial class ImportOptionsValidator : IValidateOptions<ImportOptions>;

[OptionsValidator]
public sealed partial class UploadOptionsValidator : IValidateOptions<Importing.UploadOptions>;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StudyPortal.Data.Importing;
using StudyPortal.Data.Search;
using StudyPortal.Importer;

namespace StudyPortal.Data;

public static class ServiceCollectionExtensions
{
    /// <summary>The data layer as the web app and the CLI both use it: options, the database, the importer and the store.</summary>
    public static IServiceCollection AddPortalData(this IServiceCollection services)
    {
        services.AddValidatedOptions<PortalOptions, PortalOptionsValidator>(PortalOptions.SectionName);
        services.AddValidatedOptions<ImportOptions, ImportOptionsValidator>(ImportOptions.SectionName);
        services.AddDbContextPool<PortalDbContext>((provider, options) =>
            options.UsePortalDatabase(provider.GetRequiredService<IOptions<PortalOptions>>().Value));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<LibraryVersion>();
        services.AddSingleton(provider => new DocumentParser(provider.GetRequiredService<IOptions<ImportOptions>>().Value));
        services.AddScoped<ISearchIndex>(provider => provider.GetRequiredService<PortalDbContext>().Database.IsNpgsql()
            ? ActivatorUtilities.CreateInstance<PostgresSearchIndex>(provider)
            : ActivatorUtilities.CreateInstance<SqliteSearchIndex>(provider));
        services.AddScoped<DocumentStore>();
        services.AddScoped<Editing.DocumentEditor>();
        services.AddScoped<DocumentImporter>();
        services.AddValidatedOptions<UploadOptions, UploadOptionsValidator>(UploadOptions.SectionName);
        services.AddScoped<UploadDrafts>();
        services.AddSingleton<UploadDrafts.ParseCache>();
        services.AddScoped<DatabaseInitializer>();
        return services;
    }
}

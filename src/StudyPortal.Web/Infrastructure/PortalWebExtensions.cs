using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Serilog;
using StudyPortal.Data;
using StudyPortal.Web.Pages.Search;

namespace StudyPortal.Web.Infrastructure;

/// <summary>The web app's registrations and pipeline, kept out of Program.cs.</summary>
public static class PortalWebExtensions
{
    public static readonly CultureInfo[] SupportedCultures = [new("zh-CN"), new("en")];

    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());

        builder.Services.AddPortalData();
        builder.Services.AddScoped<QuotationOfTheDay>();
        builder.Services.AddScoped<Pages.Read.ChapterLoader>();
        builder.Services.AddMemoryCache(o => o.SizeLimit = 20_000);
        builder.Services.AddHealthChecks();
        builder.Services.AddOutputCache(o => o.AddPolicy(ChapterCache.Policy, ChapterCache.Configure));
        builder.Services.AddHostedService<ChapterCache>();
        builder.Services.AddOptions<ReadingOptions>().BindConfiguration(ReadingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        // Razor would otherwise write every Chinese character as &#x…; — pages 2.5× larger and half as fast.
        builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.AddRazorPages().AddViewLocalization();
        return builder;
    }

    public static async Task InitializePortalAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        await initializer.MigrateAsync();
        await initializer.SeedAsync();
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/Error/{0}");
        app.UseSerilogRequestLogging();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(SupportedCultures[0]),
            SupportedCultures = SupportedCultures,
            SupportedUICultures = SupportedCultures,
            ApplyCurrentCultureToResponseHeaders = true,
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseOutputCache();
        app.MapHealthChecks("/healthz");
        app.MapSearchApi();
        app.MapRazorPages();
        return app;
    }
}

using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Serilog;
using StudyPortal.Data;
using StudyPortal.Data.Accounts;
using StudyPortal.Web.Infrastructure.Accounts;
using StudyPortal.Web.Pages.Account;
using StudyPortal.Web.Pages.Documents;
using StudyPortal.Web.Pages.Highlights;
using StudyPortal.Web.Pages.Search;
using StudyPortal.Web.Pages.Study;

namespace StudyPortal.Web.Infrastructure;

/// <summary>The web app's registrations and pipeline, kept out of Program.cs.</summary>
public static class PortalWebExtensions
{
    public static readonly CultureInfo[] SupportedCultures = [new("zh-CN"), new("en")];

    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        // preserveStaticLogger: each host owns its logger (and its files); nothing global to close under another host.
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(services.GetRequiredService<IConfiguration>())
            .ReadFrom.Services(services), preserveStaticLogger: true);

        builder.Services.AddPortalData();
        builder.Services.AddScoped<QuotationOfTheDay>();
        builder.Services.AddScoped<Pages.Read.ChapterLoader>();
        builder.Services.AddMemoryCache(o => o.SizeLimit = 20_000);
        builder.Services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: [DatabaseReadyCheck.Tag]);
        builder.Services.AddPortalRateLimits();
        builder.Services.AddOutputCache(o => o.AddPolicy(LibraryPageCache.Policy, LibraryPageCache.Configure, excludeDefaultPolicy: true));
        builder.Services.AddHostedService<LibraryPageCache>();
        builder.Services.AddHostedService<LibraryChangeWatcher>();
        builder.Services.AddHostedService<SearchCatchUp>();
        builder.Services.AddValidatedOptions<ReadingOptions, ReadingOptionsValidator>(ReadingOptions.SectionName);
        builder.Services.AddValidatedOptions<ProxyOptions, ProxyOptionsValidator>(ProxyOptions.SectionName);

        // Razor would otherwise write every Chinese character as &#x…; — pages 2.5× larger and half as fast.
        builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.AddRazorPages(o => PortalPages.Authorize(o.Conventions))
            .AddMvcOptions(o => o.ModelBinderProviders.Insert(0, new CleanTextModelBinderProvider()))
            .AddViewLocalization();
        builder.AddPortalAccounts();
        return builder;
    }

    private static void AddPortalAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.SectionName).ValidateOnStart();
        builder.Services.AddValidatedOptions<AdminAccountOptions, AdminAccountOptionsValidator>(AdminAccountOptions.SectionName);
        builder.Services.AddIdentity<PortalUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = false;
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager<PortalSignInManager>()
            .AddClaimsPrincipalFactory<DisplayNameClaimsFactory>()
            .AddDefaultTokenProviders();
        builder.Services.AddScoped<IdentityErrorDescriber, ChineseIdentityErrorDescriber>();
        // A disabled account or a reset password ends other sessions within a minute.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        var environment = builder.Environment;
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/signin";
            o.LogoutPath = "/account/signout";
            // Forbidden is a 403 with the portal's error page, not a redirect; an API caller gets 401/403, not a sign-in form.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToLogin = context =>
            {
                if (context.Request.Path.StartsWithSegments("/api")) context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                else context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
            o.Cookie.Name = "studyportal.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromDays(7);
            o.SlidingExpiration = true;
        });
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "studyportal.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<SessionTicketStore>();
        builder.Services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<Microsoft.Extensions.Options.IOptions<AccessOptions>, SessionTicketStore, Microsoft.Extensions.Options.IOptions<SecurityStampValidatorOptions>>((o, access, sessions, stamps) =>
            {
                o.Cookie.SecurePolicy = access.Value.CookiesSecure(environment) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                o.SessionStore = sessions;
                // Identity's validator is built (with a user manager, a sign-in manager and a database context) on every
                // request only to find that the interval has not passed yet: look at the time first (the same test it makes).
                var validate = o.Events.OnValidatePrincipal;
                var interval = stamps.Value.ValidationInterval;
                o.Events.OnValidatePrincipal = context =>
                    context.Properties.IssuedUtc is not { } issued || (context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow() - issued > interval
                        ? validate(context)
                        : Task.CompletedTask;
            })
            .PostConfigure<Microsoft.Extensions.Caching.Memory.IMemoryCache>((o, cache) =>
                o.TicketDataFormat = new CachedTicketFormat(o.TicketDataFormat ?? throw new InvalidOperationException("The cookie format is not set up yet."), cache));
        // The form token's cookie follows the request (Secure over HTTPS): "always secure" made every page with a form,
        // the error page included, fail with 500 over plain HTTP. The sign-in cookie stays HTTPS-only (above), and the
        // sign-in page explains what to configure when it is reached over HTTP.
        builder.Services.AddOptions<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>().Configure(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        // Keys in the portal's database: sign-in cookies and form tokens survive restarts and work on every web node.
        builder.Services.AddDataProtection().PersistKeysToDbContext<PortalDbContext>().SetApplicationName("StudyPortal");
        builder.Services.AddCertificateKeyProtection();
        builder.Services.AddAuthorization(PortalPolicies.Configure);
        builder.Services.AddSingleton<IAuthorizationHandler, ReadingHandler>();
        builder.Services.AddScoped<AccountBootstrapper>();
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddScoped<Pages.Admin.Users.UserAccounts>();
        builder.Services.AddScoped<ArticleTwins>();
        builder.Services.AddHostedService<Pages.Admin.Upload.DraftSweeper>();
        builder.Services.AddScoped<ReadingProgressRecorder>();
        builder.Services.AddScoped<Pages.Highlights.NoteList>();
        builder.Services.AddValidatedOptions<Groups.StudyOptions, StudyOptionsValidator>(Groups.StudyOptions.SectionName);
        builder.Services.AddScoped<Groups.StudyClock>();
        builder.Services.AddScoped<Groups.StudyPlans>();
        builder.Services.AddScoped<Groups.NoticeBoard>();
        builder.Services.AddHostedService<Groups.DueSoonNotifier>();
    }

    public static async Task InitializePortalAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        await initializer.MigrateAsync();
        await initializer.SeedAsync();
        await scope.ServiceProvider.GetRequiredService<AccountBootstrapper>().EnsureAsync();
    }

    /// <summary>Says at start-up what the sign-in page says: an HTTPS-only sign-in cookie on a plain-HTTP address will not stick.</summary>
    private static void WarnAboutPlainHttp(WebApplication app, bool behindProxy)
    {
        var access = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AccessOptions>>().Value;
        if (behindProxy || !access.CookiesSecure(app.Environment)) return;
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? [];
            if (addresses.Any(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)))
                app.Logger.LogWarning("Listening on plain HTTP ({Addresses}). " + AccessOptions.PlainHttpAdvice, string.Join(", ", addresses));
        });
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        // Behind nginx: the client's address and scheme come from X-Forwarded-For/-Proto, trusted from the listed proxies only.
        var proxy = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ProxyOptions>>().Value;
        if (proxy.Enabled)
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            foreach (var address in proxy.KnownProxies) forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(address));
            app.UseForwardedHeaders(forwarded);
        }
        WarnAboutPlainHttp(app, proxy.Enabled);
        if (app.Environment.IsProduction() && !app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<KeyRingOptions>>().Value.IsProtected)
            app.Logger.LogWarning("The data-protection key ring is stored unencrypted in the database: anyone with a backup can forge sign-in cookies. " +
                "Set Portal:KeyRing:CertificatePath (and CertificatePassword) to protect it, and keep backups as secrets (docs/operations.md).");
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }
        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/Error/{0}");
        // One line per request with who made it and how long it took; the path without its query string, never a body.
        app.UseSerilogRequestLogging(o =>
        {
            // This host's own logger: the static one stays silent (preserveStaticLogger above).
            o.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            o.MessageTemplate = "{RequestMethod} {RequestPath} {StatusCode} {Elapsed:0.0} ms {UserName}";
            // Only a real failure is an error: the error page asked for by its address (/Error/500) is an ordinary request.
            o.GetLevel = (http, _, error) =>
                error is not null || (http.Response.StatusCode >= 500 && !http.Request.Path.StartsWithSegments("/Error")) || http.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null
                    ? Serilog.Events.LogEventLevel.Error
                    : Serilog.Events.LogEventLevel.Information;
            o.EnrichDiagnosticContext = (diagnostics, http) =>
                diagnostics.Set("UserName", http.User.Identity?.IsAuthenticated == true ? http.User.Identity.Name : "anonymous");
        });
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(SupportedCultures[0]),
            SupportedCultures = SupportedCultures,
            SupportedUICultures = SupportedCultures,
            ApplyCurrentCultureToResponseHeaders = true,
        });
        app.UseStaticFiles();
        app.UseRouting();
        // Authorization runs before the output cache, so a cached page is only ever served to someone allowed to see it;
        // a page is cached for signed-in readers only when nothing personal is in it (LibraryPageCache).
        app.UseAuthentication();
        app.UseRequiredPasswordChange();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseOutputCache();
        // Liveness answers without touching the database; readiness checks it and the migrations.
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(DatabaseReadyCheck.Tag) }).AllowAnonymous();
        app.MapSearchApi();
        app.MapDocumentApi();
        app.MapAccountApi();
        app.MapHighlightApi();
        app.MapStudyApi();
        app.MapRazorPages();
        return app;
    }
}

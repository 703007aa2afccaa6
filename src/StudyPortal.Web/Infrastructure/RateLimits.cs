using StudyPortal.Data;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace StudyPortal.Web.Infrastructure;

/// <summary>ASP.NET Core's rate limiter on sign-in, search and upload, answering 429 with the portal's error page.</summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Search = "search";
    public const string Upload = "upload";

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services)
    {
        services.AddValidatedOptions<RateLimitOptions, RateLimitOptionsValidator>(RateLimitOptions.SectionName);
        services.AddRateLimiter(_ => { });
        // Configured from the bound options, so the limits follow configuration as the host finally builds it.
        services.AddOptions<RateLimiterOptions>().Configure<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>((o, options) =>
        {
            var limits = options.Value;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            o.AddPolicy(SignIn, context => HttpMethods.IsPost(context.Request.Method) ? PerMinute(context, limits.SignInPerMinute, byUser: false) : RateLimitPartition.GetNoLimiter(""));
            o.AddPolicy(Search, context => PerMinute(context, limits.SearchPerMinute, byUser: true));
            o.AddPolicy(Upload, context => HttpMethods.IsPost(context.Request.Method) ? PerMinute(context, limits.UploadPerMinute, byUser: true) : RateLimitPartition.GetNoLimiter(""));
        });
        return services;
    }

    private static RateLimitPartition<string> PerMinute(HttpContext context, int permits, bool byUser)
    {
        var key = byUser && context.User.Identity?.IsAuthenticated == true
            ? "user:" + context.User.Identity.Name
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        });
    }

}

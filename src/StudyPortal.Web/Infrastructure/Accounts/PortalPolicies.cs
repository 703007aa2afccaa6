using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using StudyPortal.Data.Accounts;

namespace StudyPortal.Web.Infrastructure.Accounts;

/// <summary>The named policies every page and endpoint declares one of.</summary>
public static class PortalPolicies
{
    /// <summary>The library, the reader, search and quotations: signed-in users, or anyone when anonymous reading is on.</summary>
    public const string Reading = "Reading";

    /// <summary>Any signed-in user: their own password, their progress.</summary>
    public const string SignedIn = "SignedIn";

    public const string Leader = "Leader";
    public const string Admin = "Admin";

    public static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(Reading, p => p.AddRequirements(new ReadingRequirement()));
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(Leader, p => p.RequireRole(PortalRoles.Leader, PortalRoles.Admin));
        options.AddPolicy(Admin, p => p.RequireRole(PortalRoles.Admin));
        // A request without a rule of its own (an unknown address) is treated like reading: with sign-in required it goes
        // to the sign-in page, with anonymous reading it gets the 404 page. Every real endpoint declares its rule
        // (the endpoint test in the tests fails for one that does not).
        options.FallbackPolicy = options.GetPolicy(Reading);
    }
}

public sealed class ReadingRequirement : IAuthorizationRequirement;

public sealed class ReadingHandler(IOptionsMonitor<AccessOptions> access) : AuthorizationHandler<ReadingRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ReadingRequirement requirement)
    {
        if (access.CurrentValue.AnonymousReading || context.User.Identity?.IsAuthenticated == true) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

namespace StudyPortal.Web.Infrastructure.Accounts;

/// <summary>
/// Someone signed in with a password an admin generated or reset is sent to the password page until they change
/// it: the admin saw that password, so it must not stay in use.
/// </summary>
public static class RequiredPasswordChange
{
    private static readonly string[] Open = ["/account/password", "/account/signout", "/account/sessions", "/Error", "/settings/language", "/healthz"];

    public static IApplicationBuilder UseRequiredPasswordChange(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.HasClaim(DisplayNameClaimsFactory.MustChangePasswordClaim, "true")
            && !Open.Any(path => context.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.Redirect(context.RequestServices.GetRequiredService<LinkGenerator>().GetPathByPage("/Account/Password") ?? "/");
            return;
        }
        await next();
    });
}

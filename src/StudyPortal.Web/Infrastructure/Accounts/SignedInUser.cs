using System.Security.Claims;

namespace StudyPortal.Web.Infrastructure.Accounts;

/// <summary>The one way to get the current user's id (the Identity user id in the sign-in ticket).</summary>
public static class SignedInUser
{
    /// <summary>The user's id, or null for an anonymous visitor.</summary>
    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The id of a user the page's policy requires to be signed in.</summary>
    public static string RequiredUserId(this ClaimsPrincipal user) =>
        user.UserId() ?? throw new InvalidOperationException("This page is for signed-in users only; its folder's policy should have required it.");
}

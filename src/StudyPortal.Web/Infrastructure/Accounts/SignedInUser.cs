using System.Security.Claims;

namespace StudyPortal.Web.Infrastructure.Accounts;

/// <summary>The one way to read who is signed in from the principal: their id and the name the interface shows.</summary>
public static class SignedInUser
{
    /// <summary>The user's id, or null for an anonymous visitor.</summary>
    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The id of a user the page's policy requires to be signed in.</summary>
    public static string RequiredUserId(this ClaimsPrincipal user) =>
        user.UserId() ?? throw new InvalidOperationException("This page is for signed-in users only; its folder's policy should have required it.");

    /// <summary>The display name (姓名) put in the ticket at sign-in, else the user name.</summary>
    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirst(DisplayNameClaimsFactory.ClaimType)?.Value ?? user.Identity?.Name ?? "";
}

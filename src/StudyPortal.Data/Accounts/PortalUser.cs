using Microsoft.AspNetCore.Identity;

namespace StudyPortal.Data.Accounts;

/// <summary>A person who signs in: Identity's user with the name the portal shows (usually a Chinese name).</summary>
public sealed class PortalUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;

    public required string DisplayName { get; set; }

    /// <summary>A disabled account cannot sign in; its history (progress, uploads, reflections) is kept.</summary>
    public bool IsDisabled { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The password was generated or reset by an admin: it must be changed at the next sign-in.</summary>
    public bool MustChangePassword { get; set; }
}

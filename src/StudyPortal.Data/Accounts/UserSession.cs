namespace StudyPortal.Data.Accounts;

/// <summary>
/// One signed-in browser. The sign-in cookie carries only this row's key; the ticket lives here, so signing out,
/// disabling the account or "sign out everywhere" ends the session on the server: a copied cookie stops working.
/// </summary>
public sealed class UserSession
{
    public const int IdMaxLength = 64;
    public const int UserAgentMaxLength = 300;
    public const int AddressMaxLength = 64;

    public required string Id { get; set; }
    public required string UserId { get; set; }
    /// <summary>The authentication ticket as ASP.NET Core serialises it.</summary>
    public required byte[] Ticket { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime LastSeenAtUtc { get; set; }
    public DateTime? ExpiresAtUtc { get; set; }
    public string? UserAgent { get; set; }
    public string? Address { get; set; }
}

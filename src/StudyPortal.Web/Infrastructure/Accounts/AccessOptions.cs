namespace StudyPortal.Web.Infrastructure.Accounts;

/// <summary>Who may read without signing in, and the first admin account; bound from <c>Portal:Access</c> and <c>Portal:Admin</c>.</summary>
public sealed class AccessOptions
{
    public const string SectionName = "Portal:Access";

    /// <summary>
    /// When true, anyone who reaches the portal (an intranet) may read the library, search and quotations without an
    /// account; signing in then only adds progress and the user's own pages. False by default: sign-in required.
    /// </summary>
    public bool AnonymousReading { get; set; }

    /// <summary>
    /// Send the sign-in and form-token cookies over HTTPS only. Unset: yes outside Development. Set false only for a
    /// benchmark on plain-HTTP loopback; a portal reachable over the network must be served over HTTPS.
    /// </summary>
    public bool? SecureCookies { get; set; }
}

public sealed class AdminAccountOptions
{
    public const string SectionName = "Portal:Admin";

    /// <summary>The first admin's user name; when no admin exists yet, this account is created on start.</summary>
    public string UserName { get; set; } = "admin";

    /// <summary>The first admin's password. When empty, a random one is generated and written once to the log.</summary>
    public string? Password { get; set; }

    public string DisplayName { get; set; } = "管理员";

    public string? Email { get; set; }
}

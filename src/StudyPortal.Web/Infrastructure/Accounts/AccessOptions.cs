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
    /// Send the sign-in cookie over HTTPS only. Unset: yes outside Development. Set false for an intranet served over
    /// plain HTTP (and for a benchmark on loopback); a portal reachable from the internet must be served over HTTPS.
    /// </summary>
    public bool? SecureCookies { get; set; }

    /// <summary>Whether the sign-in cookie is HTTPS-only in this environment.</summary>
    public bool CookiesSecure(IHostEnvironment environment) =>
        SecureCookies ?? !(environment.IsDevelopment() || environment.IsEnvironment("Testing"));

    /// <summary>The advice given (on the sign-in page and in the log) when a secure-cookie portal is reached over plain HTTP.</summary>
    public const string PlainHttpAdvice =
        "The portal sends its sign-in cookie over HTTPS only, but this request came over plain HTTP: serve it over HTTPS " +
        "(or behind a TLS proxy with Portal:Proxy), or set Portal:Access:SecureCookies=false for an intranet without TLS.";
}

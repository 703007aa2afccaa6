namespace StudyPortal.Web.Infrastructure;

/// <summary>A reverse proxy in front of the portal (nginx): bound from <c>Portal:Proxy</c>.</summary>
public sealed class ProxyOptions
{
    public const string SectionName = "Portal:Proxy";

    /// <summary>Read X-Forwarded-For and X-Forwarded-Proto (only from <see cref="KnownProxies"/>).</summary>
    public bool Enabled { get; set; }

    /// <summary>Addresses of further proxies whose forwarded headers are trusted; loopback always is.</summary>
    [IpAddresses]
    public List<string> KnownProxies { get; set; } = [];
}

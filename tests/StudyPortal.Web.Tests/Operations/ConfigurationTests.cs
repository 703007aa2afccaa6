using Microsoft.Extensions.Options;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Operations;

/// <summary>A bad configuration value stops the portal at start-up with a message naming the section and the key.</summary>
public sealed class ConfigurationTests
{
    private sealed class MisconfiguredPortalFactory(string key, string value) : SecuredPortalFactory
    {
        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var settings = base.Settings;
                settings[key] = value;
                return settings;
            }
        }
    }

    [Theory]
    [InlineData("Portal:Database:ChangePollSeconds", "0", "Portal", "ChangePollSeconds")]
    [InlineData("Portal:Database:BusyTimeoutSeconds", "100000", "Portal", "BusyTimeoutSeconds")]
    [InlineData("Import:MaxPdfPages", "0", "Import", "MaxPdfPages")]
    [InlineData("Study:TimeZone", "Mars/Olympus_Mons", "Study", "TimeZone")]
    [InlineData("Study:DueSoonDays", "-1", "Study", "DueSoonDays")]
    [InlineData("Reading:CharactersPerMinute", "1", "Reading", "CharactersPerMinute")]
    [InlineData("Upload:DraftLifetimeHours", "0", "Upload", "DraftLifetimeHours")]
    [InlineData("Portal:RateLimits:SearchPerMinute", "0", "Portal:RateLimits", "SearchPerMinute")]
    [InlineData("Portal:Admin:Email", "not an address", "Portal:Admin", "Email")]
    [InlineData("Portal:Proxy:KnownProxies:0", "nginx.local", "Portal:Proxy", "KnownProxies")]
    [InlineData("Portal:KeyRing:CertificatePath", "/nowhere/portal.pfx", "Portal:KeyRing", "CertificatePath")]
    public void ABadValue_StopsStartUp_NamingTheKey(string key, string value, string section, string member)
    {
        using var factory = new MisconfiguredPortalFactory(key, value);

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains($"'{section}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(member, error.Message, StringComparison.Ordinal);
    }
}

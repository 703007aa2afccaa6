using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using StudyPortal.Data;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Operations;

/// <summary>The key ring protected by a certificate from configuration (issue 12, item 14).</summary>
public sealed class CertificateKeyRingFactory : SecuredPortalFactory
{
    public CertificateKeyRingFactory()
    {
        CertificatePath = Path.Combine(DataDirectory, "keyring.pfx");
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=StudyPortal key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        File.WriteAllBytes(CertificatePath, certificate.Export(X509ContentType.Pfx, "ring-pass"));
    }

    public string CertificatePath { get; }

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Portal:KeyRing:CertificatePath"] = CertificatePath;
            settings["Portal:KeyRing:CertificatePassword"] = "ring-pass";
            return settings;
        }
    }
}

public sealed class KeyRingTests(CertificateKeyRingFactory factory) : IClassFixture<CertificateKeyRingFactory>
{
    [Fact]
    public async Task KeysAreStoredEncrypted_AndSignInStillWorks()
    {
        var admin = await factory.AdminClientAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await admin.GetAsync(new Uri("/admin/documents", UriKind.Relative))).StatusCode);
        using var scope = factory.Services.CreateScope();
        var keys = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
    }

    private sealed class ProductionWithoutCertificate : SecuredPortalFactory
    {
        public LogCapture Log { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Log));
        }
    }

    [Fact]
    public void AnUnprotectedKeyRing_IsWarnedAbout_InProduction()
    {
        using var production = new ProductionWithoutCertificate();
        _ = production.Services;
        Assert.Contains(production.Log.Warnings(), w => w.Contains("Portal:KeyRing:CertificatePath", StringComparison.Ordinal));
    }
}

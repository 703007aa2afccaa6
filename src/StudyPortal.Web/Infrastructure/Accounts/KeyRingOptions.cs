using System.Security.Cryptography.X509Certificates;

namespace StudyPortal.Web.Infrastructure.Accounts;

/// <summary>
/// How the data-protection key ring (it signs sign-in cookies and form tokens) is protected where it is stored, in
/// the portal's database: bound from <c>Portal:KeyRing</c>. Without a certificate the keys are stored in clear, and
/// anyone holding a backup could forge an admin's cookie; in Production the portal warns about that at start-up.
/// </summary>
public sealed class KeyRingOptions
{
    public const string SectionName = "Portal:KeyRing";

    /// <summary>A .pfx (PKCS #12) file with a private key; every web node must have the same one.</summary>
    [ExistingFile]
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    public bool IsProtected => !string.IsNullOrWhiteSpace(CertificatePath);

    /// <summary>The certificate, loaded once.</summary>
    public X509Certificate2 Certificate => _certificate ??= X509CertificateLoader.LoadPkcs12FromFile(CertificatePath!, CertificatePassword);

    private X509Certificate2? _certificate;
}

using StudyPortal.Data;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace StudyPortal.Web.Infrastructure.Accounts;

/// <summary>
/// Encrypts the data-protection keys with the certificate of <see cref="KeyRingOptions"/> (XML encryption, as
/// ASP.NET's own certificate protection does) and decrypts them with it. Taken from the options when the app starts,
/// so the certificate can come from any configuration source; the built-in ProtectKeysWithCertificate wants it while
/// services are being registered.
/// </summary>
public static class CertificateKeyProtection
{
    public static IServiceCollection AddCertificateKeyProtection(this IServiceCollection services)
    {
        services.AddValidatedOptions<KeyRingOptions, KeyRingOptionsValidator>(KeyRingOptions.SectionName);
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<KeyRingOptions>, ILoggerFactory>((o, ring, logs) =>
        {
            if (ring.Value.IsProtected) o.XmlEncryptor = new Encryptor(new CertificateXmlEncryptor(ring.Value.Certificate, logs));
        });
        return services;
    }

    /// <summary>ASP.NET's certificate encryption, naming <see cref="Decryptor"/> as the way back.</summary>
    private sealed class Encryptor(CertificateXmlEncryptor inner) : IXmlEncryptor
    {
        public EncryptedXmlInfo Encrypt(XElement plaintextElement) => new(inner.Encrypt(plaintextElement).EncryptedElement, typeof(Decryptor));
    }

    /// <summary>Made by the key manager by its type, with the app's services.</summary>
    public sealed class Decryptor(IServiceProvider services) : IXmlDecryptor
    {
        public XElement Decrypt(XElement encryptedElement)
        {
            var certificate = services.GetRequiredService<IOptions<KeyRingOptions>>().Value.Certificate;
            var document = new XmlDocument { PreserveWhitespace = true };
            document.Load(new XElement("root", encryptedElement).CreateReader());
            new WithCertificate(document, certificate).DecryptDocument();
            return XElement.Load(document.DocumentElement!.FirstChild!.CreateNavigator()!.ReadSubtree());
        }
    }

    private sealed class WithCertificate(XmlDocument document, X509Certificate2 certificate) : EncryptedXml(document)
    {
        public override byte[]? DecryptEncryptedKey(EncryptedKey encryptedKey)
        {
            using var key = certificate.GetRSAPrivateKey() ?? throw new InvalidOperationException("The key-ring certificate has no RSA private key.");
            return DecryptKey(encryptedKey.CipherData.CipherValue!, key, encryptedKey.EncryptionMethod?.KeyAlgorithm == XmlEncRSAOAEPUrl);
        }
    }
}

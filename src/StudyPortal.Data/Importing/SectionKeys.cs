using System.Security.Cryptography;
using System.Text;

namespace StudyPortal.Data.Importing;

/// <summary>
/// Stable section keys: a hash of the document title, article title, heading (or, for an untitled section, its first words)
/// and the occurrence number. The same text imported again gets the same keys, so links, progress and assignments survive.
/// </summary>
public static class SectionKeys
{
    public const int Length = 12;

    public static string For(string documentTitle, string articleTitle, string headingOrOpening, int occurrence)
    {
        var input = $"{documentTitle}\n{articleTitle}\n{headingOrOpening}\n{occurrence}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(input));
        return Convert.ToHexStringLower(hash)[..Length];
    }
}

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

    /// <summary>The key of a section an admin's correction created: from the section it came from and its heading, so a replay gives the same key.</summary>
    public static string ForEdit(string documentTitle, string seed) => For(documentTitle, "\u0001edit", seed, 0);
}

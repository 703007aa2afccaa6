using System.Security.Cryptography;
using System.Text;
using StudyPortal.Importer.Model;

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

    /// <summary>Keys in document order: the same text gets the same key; a repeated heading counts its occurrences.</summary>
    /// <param name="keyTitle">The title the document was first imported under (<see cref="Library.Document.ImportedTitle"/>).</param>
    public static List<string> Assign(ParsedDocument parsed, string keyTitle)
    {
        var occurrences = new Dictionary<string, int>();
        var keys = new List<string>();
        foreach (var article in parsed.Articles)
        {
            foreach (var section in article.Sections)
            {
                var identity = section.Heading.Length > 0 ? section.Heading : Opening(section);
                var occurrence = occurrences[$"{article.Title}\n{identity}"] = occurrences.GetValueOrDefault($"{article.Title}\n{identity}") + 1;
                keys.Add(For(keyTitle, article.Title, identity, occurrence));
            }
        }
        return keys;
    }

    private static string Opening(ParsedSection section) =>
        section.Paragraphs.Count == 0 ? "" : section.Paragraphs[0].Text[..Math.Min(40, section.Paragraphs[0].Text.Length)];
}

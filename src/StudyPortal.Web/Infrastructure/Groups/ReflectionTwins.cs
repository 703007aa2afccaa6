using StudyPortal.Data.Groups;
using StudyPortal.Importer;

namespace StudyPortal.Web.Infrastructure.Groups;

/// <summary>
/// Reflections of one assignment that are near-copies of each other, for the leader only: the article fingerprints'
/// technique (bottom-k MinHash over four-character shingles of letters and digits, so punctuation, spacing and Markdown
/// do not matter) at its near-duplicate threshold. A reflection too short to sketch (under about 35 characters) is
/// compared by its letters and digits alone: the same words are a copy. Members are never told; the leader decides.
/// </summary>
public static class ReflectionTwins
{
    public sealed record Twin(int CheckInId, string UserId, double Similarity);

    /// <summary>For each check-in that has one, the most similar other check-in of the same assignment.</summary>
    public static IReadOnlyDictionary<int, Twin> Find(IEnumerable<CheckIn> checkIns)
    {
        var result = new Dictionary<int, Twin>();
        foreach (var assignment in checkIns.Where(c => !string.IsNullOrWhiteSpace(c.Reflection)).GroupBy(c => c.AssignmentId))
        {
            var sketched = assignment.Select(c => (CheckIn: c, Sketch: ArticleFingerprint.Of([c.Reflection!]), Letters: Letters(c.Reflection!))).ToList();
            foreach (var a in sketched)
            {
                var best = sketched.Where(b => b.CheckIn.Id != a.CheckIn.Id)
                    .Select(b => (b.CheckIn, Similarity: Similarity(a.Sketch, a.Letters, b.Sketch, b.Letters)))
                    .Where(x => x.Similarity >= ArticleFingerprint.NearDuplicate)
                    .OrderByDescending(x => x.Similarity).FirstOrDefault();
                if (best.CheckIn is not null) result[a.CheckIn.Id] = new Twin(best.CheckIn.Id, best.CheckIn.UserId, best.Similarity);
            }
        }
        return result;
    }

    private static double Similarity(byte[] sketchA, string lettersA, byte[] sketchB, string lettersB)
    {
        var estimated = ArticleFingerprint.Similarity(sketchA, sketchB);
        if (estimated > 0) return estimated;
        // Too short to sketch: only the same letters and digits (at least ten of them) count.
        return lettersA.Length >= 10 && lettersA == lettersB ? 1 : 0;
    }

    private static string Letters(string text) => string.Concat(text.Where(char.IsLetterOrDigit)).ToLowerInvariant();
}

using StudyPortal.Importer.Model;

namespace StudyPortal.Importer;

/// <summary>
/// A small sketch of an article's text for finding the same article in another document: the 64 smallest hashes of
/// its four-character shingles (letters and digits only, so layout, punctuation and spacing do not matter). Two
/// sketches estimate the Jaccard similarity of the shingle sets (bottom-k MinHash): one hash per character to make,
/// 512 bytes to store.
/// </summary>
public static class ArticleFingerprint
{
    public const int Size = 64;

    /// <summary>At or above this estimated similarity two articles are reported as (nearly) the same text.</summary>
    public const double NearDuplicate = 0.6;

    public static byte[] Of(ParsedArticle article) =>
        Of(article.Sections.SelectMany(s => s.Paragraphs.Select(p => p.Text)));

    public static byte[] Of(IEnumerable<string> texts)
    {
        var smallest = new SortedSet<ulong>();
        var max = ulong.MaxValue; // the largest kept hash once Size are kept: most hashes stop at this comparison
        ulong window = 0;
        var filled = 0;
        foreach (var text in texts)
            foreach (var c in text)
            {
                if (!char.IsLetterOrDigit(c)) continue;
                window = window << 16 | char.ToLowerInvariant(c);
                if (++filled < 4) continue;
                var hash = Mix(window);
                if (hash >= max) continue;
                if (!smallest.Add(hash)) continue;
                if (smallest.Count > Size) smallest.Remove(smallest.Max);
                if (smallest.Count == Size) max = smallest.Max;
            }
        var bytes = new byte[smallest.Count * 8];
        var i = 0;
        foreach (var hash in smallest) BitConverter.TryWriteBytes(bytes.AsSpan(i++ * 8), hash);
        return bytes;
    }

    /// <summary>Estimated Jaccard similarity of two sketches, 0 to 1; 0 when either text was too short to sketch.</summary>
    public static double Similarity(byte[] a, byte[] b)
    {
        var x = Read(a);
        var y = Read(b);
        if (x.Length < Size / 2 || y.Length < Size / 2) return 0;
        // The k smallest of the union, and how many of them are in both sets.
        var union = x.Union(y).Order().Take(Math.Min(Size, Math.Min(x.Length, y.Length))).ToList();
        var inX = x.ToHashSet();
        var inY = y.ToHashSet();
        return union.Count(h => inX.Contains(h) && inY.Contains(h)) / (double)union.Count;
    }

    private static ulong[] Read(byte[] bytes)
    {
        var values = new ulong[bytes.Length / 8];
        for (var i = 0; i < values.Length; i++) values[i] = BitConverter.ToUInt64(bytes, i * 8);
        return values;
    }

    // SplitMix64's finalizer: spreads four packed characters over all 64 bits.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

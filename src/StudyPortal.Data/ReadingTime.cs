namespace StudyPortal.Data;

/// <summary>Reading time from characters, not words: Chinese has no spaces, so word counts are about three times off.</summary>
public static class ReadingTime
{
    /// <summary>Characters that take reading time: everything but whitespace.</summary>
    public static int CountCharacters(string text)
    {
        var count = 0;
        foreach (var c in text)
            if (!char.IsWhiteSpace(c) && !char.IsLowSurrogate(c)) count++;
        return count;
    }

    /// <summary>Whole minutes, at least one for any text.</summary>
    public static int Minutes(int characters, int charactersPerMinute) =>
        characters <= 0 ? 0 : Math.Max(1, (int)Math.Round(characters / (double)Math.Max(1, charactersPerMinute), MidpointRounding.AwayFromZero));
}

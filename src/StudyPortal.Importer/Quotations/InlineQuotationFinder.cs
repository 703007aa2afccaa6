using System.Globalization;
using System.Text.RegularExpressions;
using StudyPortal.Importer.Model;

namespace StudyPortal.Importer.Quotations;

/// <summary>
/// Finds passages in “…” that a sentence attributes to a known speaker with a speaker verb:
/// `2012年12月，习近平总书记在深圳考察时作出这样的重要判断：“…。”`. Precision matters more than recall:
/// the passage must be a whole sentence (it ends in 。！？ inside the quotes) and the speaker must be named
/// right before the verb in the same sentence.
/// </summary>
internal sealed partial class InlineQuotationFinder(IReadOnlyCollection<string> knownSpeakers)
{
    private const int MinLength = 8;

    /// <summary>Quotations inside one paragraph's text.</summary>
    public IEnumerable<QuotationCandidate> Find(string text)
    {
        if (!text.Contains('“')) yield break;
        var consumedUntil = 0;
        foreach (var (position, name) in SpeakerPositions(text))
        {
            if (position < consumedUntil) continue;
            var m = Attributed().Match(text, position + name.Length);
            if (!m.Success) continue;
            consumedUntil = m.Index + m.Length;
            var quote = m.Groups["quote"].Value;
            if (!IsWholeSentence(quote)) continue;
            var speaker = ResolveSpeaker(name);
            if (speaker is null) continue;
            var (date, occasion) = Context(LeadBefore(text, position), m.Groups["mid"].Value);
            yield return new QuotationCandidate(quote, speaker, date, null, occasion);
        }
    }

    /// <summary>
    /// A paragraph that ends in a speaker verb and a colon (`…作出这样的重要判断：`) introduces the next
    /// paragraph when that one is a quotation as a whole.
    /// </summary>
    public QuotationCandidate? FindLeadIn(string leadParagraph, string nextParagraph)
    {
        if (leadParagraph.Length == 0 || leadParagraph[^1] is not ('：' or ':')) return null;
        var next = nextParagraph.Trim();
        if (next.Length < MinLength + 2 || next[0] != '“' || next[^1] != '”' || CjkText.OpenQuotes(next[..^1]) != 1) return null;
        var quote = next[1..^1];
        if (quote.Contains('“') || !IsWholeSentence(quote)) return null;
        var positions = SpeakerPositions(leadParagraph);
        for (var i = positions.Count - 1; i >= 0; i--)
        {
            var (position, name) = positions[i];
            var lead = LeadIn().Match(leadParagraph, position + name.Length);
            if (!lead.Success) continue;
            var speaker = ResolveSpeaker(name);
            if (speaker is null) return null;
            var (date, occasion) = Context(LeadBefore(leadParagraph, position), lead.Groups["mid"].Value);
            return new QuotationCandidate(quote, speaker, date, null, occasion);
        }
        return null;
    }

    /// <summary>Where a known speaker (or 总书记) is named, in order: the only places a quotation clause can start.</summary>
    private List<(int Position, string Name)> SpeakerPositions(string text)
    {
        var positions = new List<(int Position, string Name)>();
        foreach (var name in knownSpeakers.Append(GeneralSecretary))
            for (var i = text.IndexOf(name, StringComparison.Ordinal); i >= 0; i = text.IndexOf(name, i + name.Length, StringComparison.Ordinal))
                positions.Add((i, name));
        // 习近平总书记 is found twice (as 习近平 and as 总书记); the name that starts first wins.
        positions.Sort((a, b) => a.Position.CompareTo(b.Position));
        return positions;
    }

    /// <summary>The words before the speaker in the same sentence (up to 40 characters), where a date usually stands.</summary>
    private static string LeadBefore(string text, int position)
    {
        var start = position;
        while (start > 0 && position - start < 40 && text[start - 1] is not ('。' or '！' or '？' or '“' or '”')) start--;
        return text[start..position];
    }

    private const string GeneralSecretary = "总书记";

    // 总书记 alone refers to the general secretary the material is about, the first known speaker.
    private string? ResolveSpeaker(string name) =>
        name == GeneralSecretary ? knownSpeakers.FirstOrDefault() : knownSpeakers.FirstOrDefault(s => s == name);

    private static bool IsWholeSentence(string quote) =>
        quote.Length >= MinLength && quote[^1] is '。' or '！' or '？' or '…' && !quote.Contains('“') && !quote.Contains('”');

    private static (PartialDate? Date, string? Occasion) Context(string lead, string mid)
    {
        PartialDate? date = null;
        var d = DateInText().Match(lead);
        if (d.Success)
        {
            var year = int.Parse(d.Groups["y"].Value, CultureInfo.InvariantCulture);
            int? month = d.Groups["m"].Success ? int.Parse(d.Groups["m"].Value, CultureInfo.InvariantCulture) : null;
            int? day = d.Groups["d"].Success ? int.Parse(d.Groups["d"].Value, CultureInfo.InvariantCulture) : null;
            if (PartialDate.IsValid(year, month, day)) date = new PartialDate(year, month, day);
        }
        var o = Occasion().Match(mid);
        return (date, o.Success ? o.Value : null);
    }

    private const string Title = @"(?:总书记|主席|总理|同志)?";
    private const string Verb = @"(?<verb>(?:深刻|明确|郑重|再次|反复|多次|首次|鲜明)?(?:指出|强调|说|表示|谈到|要求|提出|宣布)|作出[^。！？“”：]{0,12}(?:判断|论断|阐述|部署))";

    [GeneratedRegex(@"\G" + Title + @"(?<mid>[^。！？“”]{0,30}?)" + Verb + @"\s*[：:，,]?\s*“(?<quote>[^“”]+)”")]
    private static partial Regex Attributed();

    [GeneratedRegex(@"\G" + Title + @"(?<mid>[^。！？“”]{0,30}?)" + Verb + @"\s*[：:]$")]
    private static partial Regex LeadIn();

    [GeneratedRegex(@"(?<y>\d{4})年(?:(?<m>\d{1,2})月(?:(?<d>\d{1,2})日)?)?")]
    private static partial Regex DateInText();

    [GeneratedRegex(@"在[^，,。]{2,30}?(?:时|上|中|期间)")]
    private static partial Regex Occasion();
}

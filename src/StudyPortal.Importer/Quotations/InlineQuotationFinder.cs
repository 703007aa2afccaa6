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
        foreach (Match m in Attributed().Matches(text))
        {
            var quote = m.Groups["quote"].Value;
            if (!IsWholeSentence(quote)) continue;
            var speaker = ResolveSpeaker(m.Groups["speaker"].Value);
            if (speaker is null) continue;
            var (date, occasion) = Context(m.Groups["lead"].Value, m.Groups["mid"].Value);
            yield return new QuotationCandidate(quote, speaker, date, null, occasion);
        }
    }

    /// <summary>
    /// A paragraph that ends in a speaker verb and a colon (`…作出这样的重要判断：`) introduces the next
    /// paragraph when that one is a quotation as a whole.
    /// </summary>
    public QuotationCandidate? FindLeadIn(string leadParagraph, string nextParagraph)
    {
        var lead = LeadIn().Match(leadParagraph);
        if (!lead.Success) return null;
        var next = nextParagraph.Trim();
        if (next.Length < MinLength + 2 || next[0] != '“' || next[^1] != '”' || CjkText.OpenQuotes(next[..^1]) != 1) return null;
        var quote = next[1..^1];
        if (quote.Contains('“') || !IsWholeSentence(quote)) return null;
        var speaker = ResolveSpeaker(lead.Groups["speaker"].Value);
        if (speaker is null) return null;
        var (date, occasion) = Context(lead.Groups["lead"].Value, lead.Groups["mid"].Value);
        return new QuotationCandidate(quote, speaker, date, null, occasion);
    }

    private string? ResolveSpeaker(string named)
    {
        // 总书记 alone refers to the one general secretary the material is about.
        var name = named.StartsWith("总书记", StringComparison.Ordinal) ? "习近平" : named;
        return knownSpeakers.FirstOrDefault(s => name.StartsWith(s, StringComparison.Ordinal));
    }

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

    private const string Speaker = @"(?<speaker>习近平(?:总书记|主席|同志)?|总书记|[\p{IsCJKUnifiedIdeographs}]{2,3}(?:总书记|主席|同志))";
    private const string Verb = @"(?<verb>(?:深刻|明确|郑重|再次|反复|多次|首次|鲜明)?(?:指出|强调|说|表示|谈到|要求|提出|宣布)|作出[^。！？“”：]{0,12}(?:判断|论断|阐述|部署))";

    [GeneratedRegex(@"(?<lead>[^。！？“”]{0,40}?)" + Speaker + @"(?<mid>[^。！？“”]{0,30}?)" + Verb + @"\s*[：:，,]?\s*“(?<quote>[^“”]+)”")]
    private static partial Regex Attributed();

    [GeneratedRegex(@"(?<lead>[^。！？“”]{0,40}?)" + Speaker + @"(?<mid>[^。！？“”]{0,30}?)" + Verb + @"\s*[：:]$")]
    private static partial Regex LeadIn();

    [GeneratedRegex(@"(?<y>\d{4})年(?:(?<m>\d{1,2})月(?:(?<d>\d{1,2})日)?)?")]
    private static partial Regex DateInText();

    [GeneratedRegex(@"在[^，,。]{2,30}?(?:时|上|中|期间)")]
    private static partial Regex Occasion();
}

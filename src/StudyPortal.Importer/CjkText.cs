using System.Text;

namespace StudyPortal.Importer;

/// <summary>Character classes and spacing rules for Chinese text damaged by layout.</summary>
public static partial class CjkText
{
    public static bool IsIdeograph(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF' || char.IsSurrogate(c);

    /// <summary>Full-width and CJK punctuation, including the curly quotes and dashes Chinese text uses.</summary>
    /// <summary>
    /// Kangxi radicals (U+2F00–U+2FD5) and CJK radical supplements (U+2E80–U+2EF3) replaced by the ideographs they look
    /// like. PDF fonts often map glyphs to these code points (⽹ for 网, ⼯ for 工), so extracted text looks right but
    /// matches nothing in search. Other characters are left exactly as they are (full NFKC would also change
    /// full-width punctuation).
    /// </summary>
    public static string FoldRadicals(string text)
    {
        var at = text.AsSpan().IndexOfAnyInRange('\u2E80', '\u2FDF');
        if (at < 0) return text;
        var sb = new System.Text.StringBuilder(text.Length);
        sb.Append(text, 0, at);
        for (var i = at; i < text.Length; i++)
        {
            var c = text[i];
            if (KangxiSimplified.TryGetValue(c, out var simplified)) sb.Append(simplified);
            else if (c is >= '\u2F00' and <= '\u2FDF') sb.Append(c.ToString().Normalize(System.Text.NormalizationForm.FormKC));
            else sb.Append(RadicalSupplement.TryGetValue(c, out var ideograph) ? ideograph : c);
        }
        return sb.ToString();
    }

    // Kangxi radicals whose decomposition is the traditional form, where a simplified-Chinese font drew the simplified one.
    private static readonly Dictionary<char, char> KangxiSimplified = new() { ['⼾'] = '户', ['⾭'] = '青', ['⾔'] = '言' };

    // Unicode gives the supplement radicals no decomposition; these are the ones whose glyph is the whole character,
    // which is why fonts map those characters to them.
    private static readonly Dictionary<char, char> RadicalSupplement = new()
    {
        ['⺟'] = '母', ['⺠'] = '民', ['⺩'] = '王', ['⻁'] = '虎', ['⻄'] = '西', ['⻅'] = '见', ['⻆'] = '角', ['⻉'] = '贝', ['⻋'] = '车',
        ['⻓'] = '长', ['⻔'] = '门', ['⻘'] = '青', ['⻙'] = '韦', ['⻚'] = '页', ['⻛'] = '风', ['⻜'] = '飞', ['⻝'] = '食', ['⻢'] = '马',
        ['⻣'] = '骨', ['⻤'] = '鬼', ['⻥'] = '鱼', ['⻦'] = '鸟', ['⻧'] = '卤', ['⻨'] = '麦', ['⻩'] = '黄', ['⻪'] = '黾', ['⻬'] = '齐',
        ['⻮'] = '齿', ['⻰'] = '龙', ['⻳'] = '龟',
    };

    public static bool IsCjkPunctuation(char c) =>
        c is >= '\u3000' and <= '\u303F' or >= '\uFF01' and <= '\uFF0F' or >= '\uFF1A' and <= '\uFF20'
            or >= '\uFF3B' and <= '\uFF40' or >= '\uFF5B' and <= '\uFF65'
            or '“' or '”' or '‘' or '’' or '—' or '…' or '·' or '■' or '●' or '◆' or '▲';

    private static bool IsCjk(char c) => IsIdeograph(c) || IsCjkPunctuation(c);

    private static bool IsLatinOrDigit(char c) => char.IsAsciiLetterOrDigit(c) || c is '%' or '.' or '+' or '-' or '/';

    /// <summary>
    /// Removes spaces that layout put into running text: between CJK characters, around CJK punctuation,
    /// and between CJK and a number or Latin word. Spaces between two Latin or numeric tokens stay, as one space.
    /// ASCII commas and colons between CJK become their full-width forms.
    /// </summary>
    public static string NormalizeBody(string text)
    {
        var sb = new StringBuilder(text.Length);
        var i = 0;
        // A regulation's article number stands apart from its text (`第一条　为了…`): that space is type, not layout.
        var article = ArticleNumber().Match(text);
        if (article.Success)
        {
            sb.Append(article.Groups["number"].Value).Append('\u3000');
            i = article.Length;
        }
        while (i < text.Length)
        {
            var c = text[i];
            if (IsSpace(c))
            {
                var j = i;
                while (j < text.Length && IsSpace(text[j])) j++;
                var before = sb.Length > 0 ? sb[^1] : '\0';
                var after = j < text.Length ? text[j] : '\0';
                var keep = before != '\0' && after != '\0' && !(IsCjk(before) || IsCjk(after));
                if (keep) sb.Append(' ');
                i = j;
                continue;
            }
            if (c is ',' or ':' or ';' or '?' or '!' && sb.Length > 0 && IsIdeograph(sb[^1]) && NextNonSpaceIsCjk(text, i + 1))
            {
                sb.Append(c switch { ',' => '，', ':' => '：', ';' => '；', '?' => '？', _ => '！' });
                i++;
                continue;
            }
            sb.Append(c);
            i++;
        }
        return sb.ToString();
    }

    /// <summary>Headings keep the single spaces that separate their parts (a title's 引题 and 主题), but lose those around punctuation.</summary>
    public static string NormalizeHeading(string text)
    {
        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsSpace(c))
            {
                var j = i;
                while (j < text.Length && IsSpace(text[j])) j++;
                var before = sb.Length > 0 ? sb[^1] : '\0';
                var after = j < text.Length ? text[j] : '\0';
                if (before != '\0' && after != '\0' && !IsCjkPunctuation(before) && !IsCjkPunctuation(after)) sb.Append(' ');
                i = j;
                continue;
            }
            sb.Append(c);
            i++;
        }
        return sb.ToString();
    }

    /// <summary>Joins a line to the one before it: no space between CJK, one space between Latin words.</summary>
    public static string JoinLines(string first, string second)
    {
        if (first.Length == 0) return second;
        if (second.Length == 0) return first;
        var a = first[^1];
        var b = second[0];
        return char.IsAsciiLetter(a) && char.IsAsciiLetter(b) ? first + " " + second : first + second;
    }

    private static bool NextNonSpaceIsCjk(string text, int from)
    {
        while (from < text.Length && IsSpace(text[from])) from++;
        return from < text.Length && IsIdeograph(text[from]);
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\u3000' or '\u00A0' or '\u2002' or '\u2003' or '\u2009' or '\u200B';

    /// <summary>Removes every kind of whitespace, to compare texts that differ only in layout.</summary>
    public static string WithoutSpaces(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            if (!char.IsWhiteSpace(c) && c != '\u200B') sb.Append(c);
        return sb.ToString();
    }

    /// <summary>
    /// True when the text ends a sentence or a unit that cannot continue on the next line:
    /// 。！？；：…, or a closing quote or bracket right after one of those.
    /// </summary>
    public static bool EndsUnit(string text)
    {
        var t = text.TrimEnd();
        if (t.Length == 0) return true;
        // A lead-in (提高网络综合治理能力，构建网上网下同心圆——) is complete: the paragraphs after it are what it introduces.
        if (t.EndsWith("——", StringComparison.Ordinal)) return true;
        var last = t[^1];
        if (last is '。' or '！' or '？' or '；' or '：' or '…' or '!' or '?' or '.' or ';' or ':') return true;
        if (last is '”' or '’' or '）' or ')' or '」' or '』' or '》')
        {
            if (t.Length == 1) return true;
            var prev = t[^2];
            if (prev is '。' or '！' or '？' or '…' or '!' or '?' or '.' or '；' or '”') return true;
            // A closed bracket that wraps the whole line is a note such as （新华社） or （作者为…）; one after a finished
            // sentence is its attribution (…。（2021年5月31日，在…的讲话）).
            if (last != '）') return false;
            var open = t.LastIndexOf('（');
            if (open == 0 || open > 0 && t[open - 1] is '。' or '！' or '？' or '”') return true;
            // A bracketed date after an attribution (…的讲话（2023年7月17日）) closes it too.
            return open > 0 && t.AsSpan(open).IndexOf('年') > 0 && t.AsSpan(open).ContainsAny("0123456789") && t.Contains("——", StringComparison.Ordinal);
        }
        return false;
    }

    /// <summary>Counts how many 『“』 are still open at the end of the text.</summary>
    public static int OpenQuotes(string text)
    {
        var open = 0;
        foreach (var c in text)
        {
            if (c == '“') open++;
            else if (c == '”' && open > 0) open--;
        }
        return open;
    }

    public static bool ContainsSentencePunctuation(string text) => text.AsSpan().IndexOfAny("。！？；") >= 0;

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<number>第[一二三四五六七八九十百零]{1,5}条)[ \t\u3000]+(?=\S)")]
    private static partial System.Text.RegularExpressions.Regex ArticleNumber();
}

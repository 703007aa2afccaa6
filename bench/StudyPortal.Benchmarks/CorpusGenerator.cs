using System.Text;

namespace StudyPortal.Benchmarks;

/// <summary>
/// Builds a corpus of study materials from the seeds with variation: every file mixes paragraphs from all seeds,
/// substitutes characters and numbers, and renames titles and headings, so no two files are the same text.
/// </summary>
public sealed class CorpusGenerator(IReadOnlyList<string> seeds, int randomSeed = 42)
{
    private readonly Random _random = new(randomSeed);
    private readonly string[] _paragraphs = seeds.SelectMany(s => s.Split('\n')).Select(l => l.Trim())
        .Where(l => l.Length > 30 && !l.StartsWith('#') && !l.StartsWith("——", StringComparison.Ordinal) && !l.StartsWith('>')).ToArray();
    private readonly char[] _alphabet = seeds.SelectMany(s => s).Where(CjkText.IsIdeograph).Distinct().ToArray();
    private int _serial;

    private static class CjkText
    {
        public static bool IsIdeograph(char c) => c is >= '\u4E00' and <= '\u9FFF';
    }

    /// <summary>One compiled booklet of roughly <paramref name="targetBytes"/> bytes: title block, 材料 articles, sections, quotations.</summary>
    public string Booklet(int targetBytes)
    {
        var n = ++_serial;
        var sb = new StringBuilder();
        sb.Append("主题教育学习资料\n\n").Append(Vary($"关于网络强国建设的学习材料第{n}辑")).Append("\n\n党群工作部\n\n")
          .Append(2000 + _random.Next(10, 26)).Append('年').Append(_random.Next(1, 13)).Append("月\n\n");
        var article = 0;
        while (Encoding.UTF8.GetByteCount(sb.ToString()) < targetBytes)
        {
            article++;
            sb.Append("材料 ").Append(article).Append("\n\n").Append(Vary(Pick()[..20].TrimEnd('，', '。'))).Append("\n\n");
            for (var s = 1; s <= _random.Next(2, 6); s++)
            {
                sb.Append(ChineseNumber(s)).Append('、').Append(Vary(Pick()[..16].TrimEnd('，', '。'))).Append("\n\n");
                for (var p = 0; p < _random.Next(3, 12); p++)
                {
                    var paragraph = Vary(Pick());
                    if (_random.Next(8) == 0)
                    {
                        // A page break in the middle of a sentence, as extraction leaves it.
                        var cut = _random.Next(5, paragraph.Length - 5);
                        sb.Append(paragraph[..cut]).Append("\n\n").Append(paragraph[cut..]).Append("\n\n");
                    }
                    else
                    {
                        sb.Append(paragraph).Append("\n\n");
                    }
                    if (_random.Next(10) == 0)
                        sb.Append("——").Append(2012 + _random.Next(12)).Append('年').Append(_random.Next(1, 13)).Append('月')
                          .Append(_random.Next(1, 29)).Append("日，在").Append(Vary("全国网络安全和信息化工作会议")).Append("上的讲话\n\n");
                }
            }
            sb.Append("来源 | 共产党员网\n\n");
        }
        return sb.ToString();
    }

    private string Pick() => _paragraphs[_random.Next(_paragraphs.Length)];

    private string Vary(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (CjkText.IsIdeograph(chars[i]) && _random.Next(12) == 0) chars[i] = _alphabet[_random.Next(_alphabet.Length)];
            else if (char.IsAsciiDigit(chars[i])) chars[i] = (char)('0' + _random.Next(10));
        }
        return new string(chars);
    }

    private static string ChineseNumber(int n) => n switch { 1 => "一", 2 => "二", 3 => "三", 4 => "四", 5 => "五", 6 => "六", _ => "七" };
}

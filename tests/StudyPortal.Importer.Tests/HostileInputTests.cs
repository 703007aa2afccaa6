using System.Text;
using StudyPortal.Importer.Decoding;
using StudyPortal.Tests;

namespace StudyPortal.Importer.Tests;

/// <summary>
/// Thousands of random and mutated inputs: the importer throws nothing but its own error, never hangs,
/// and never loses text silently. The count can be raised with FUZZ_CASES (the benchmark run uses 10,000).
/// </summary>
public sealed class HostileInputTests
{
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_CASES"), out var n) ? n : 2000;
    private static readonly byte[][] Seeds = TestPaths.AllSeeds.Select(File.ReadAllBytes).ToArray();

    static HostileInputTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task RandomAndMutatedInputs_NeverThrowOtherErrors_NeverHang_NeverLoseText()
    {
        var random = new Random(20261123);
        var parser = new DocumentParser();
        var refused = 0;
        for (var i = 0; i < Cases; i++)
        {
            var (kind, bytes) = Generate(random, i);
            var task = Task.Run(() => parser.Parse(bytes, $"case{i}.txt"));
            var finished = await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(30)));
            Assert.True(finished == task, $"case {i} ({kind}) did not finish: the importer hangs");
            if (task.IsFaulted)
            {
                var error = task.Exception!.InnerException!;
                Assert.True(error is UnreadableDocumentException, $"case {i} ({kind}) threw {error.GetType().Name}: {error.Message}");
                Assert.False(string.IsNullOrWhiteSpace(error.Message));
                refused++;
                continue;
            }
            var result = await task;
            TextAccounting.AssertNothingLost(TextDecoder.Decode(bytes).Text, result, $"case {i} ({kind}): ");
        }
        // The generator must exercise both paths, or the test proves little.
        Assert.InRange(refused, 1, Cases - 1);
    }

    private static (string Kind, byte[] Bytes) Generate(Random random, int i)
    {
        var seed = Seeds[random.Next(Seeds.Length)];
        switch (i % 10)
        {
            case 0:
                return ("random bytes", RandomBytes(random, random.Next(0, 4000)));
            case 1:
                return ("truncated seed", seed[..random.Next(0, seed.Length)]);
            case 2:
                var flipped = (byte[])seed.Clone();
                for (var k = random.Next(1, 20); k > 0; k--) flipped[random.Next(flipped.Length)] = (byte)random.Next(256);
                return ("flipped bytes", flipped);
            case 3:
                return ("shuffled lines", Encoding.UTF8.GetBytes(string.Join('\n', Lines(seed).OrderBy(_ => random.Next()))));
            case 4:
                var huge = new string(Encoding.UTF8.GetString(seed).Where(c => c != '\n' && c != '\r').ToArray());
                return ("one huge line", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(huge, random.Next(1, 4)))));
            case 5:
                return ("only whitespace", Encoding.UTF8.GetBytes(new string(' ', random.Next(0, 50)) + "\n\r\n\t\u3000" + new string('\n', random.Next(0, 50))));
            case 6:
                var other = Seeds[random.Next(Seeds.Length)];
                return ("mixed encodings", [.. seed[..(seed.Length / 2)], .. Encoding.GetEncoding("GB18030").GetBytes(Encoding.UTF8.GetString(other))]);
            case 7:
                return ("structure markers", Encoding.UTF8.GetBytes(InjectMarkers(random, Lines(seed))));
            case 8:
                return ("GB18030 seed", Encoding.GetEncoding("GB18030").GetBytes(Encoding.UTF8.GetString(seed)));
            default:
                var lines = Lines(seed).ToList();
                var start = random.Next(lines.Count);
                return ("slice of a seed", Encoding.UTF8.GetBytes(string.Join("\r\n", lines.Skip(start).Take(random.Next(1, 40)))));
        }
    }

    private static IEnumerable<string> Lines(byte[] seed) => Encoding.UTF8.GetString(seed).Split('\n');

    private static string InjectMarkers(Random random, IEnumerable<string> lines)
    {
        string[] markers = ["材料 1", "目 录", "——2018年4月20日至21日，在会议上的讲话", "# 半个 标题", "## 另 一半", "**加粗**", "信号一", "■ 专栏", "来源 | 某网", "（新华社）", "一、", "“", "”", "——", "> 引用", "- 列表", "1. 编号", "<script>alert(1)</script>", "\u200B", "\uFEFF"];
        var sb = new StringBuilder();
        foreach (var line in lines)
        {
            if (random.Next(4) == 0) sb.Append(markers[random.Next(markers.Length)]).Append('\n');
            sb.Append(random.Next(6) == 0 && line.Length > 2 ? line.Insert(random.Next(line.Length), markers[random.Next(markers.Length)]) : line).Append('\n');
        }
        return sb.ToString();
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}

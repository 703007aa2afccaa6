using System.Diagnostics;
using System.Text;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using StudyPortal.Data;
using StudyPortal.Data.Search;

namespace StudyPortal.Benchmarks;

/// <summary>
/// This search against a LIKE scan of the same table and Lucene.Net's CJK bigram analyzer over the same entries:
/// a fixed mix of 200 queries, latency percentiles, queries per second, index size and build time, hit counts.
/// </summary>
public static class SearchBenchmark
{
    public static async Task RunAsync(DbContextOptions<PortalDbContext> options, string dbFile, string work)
    {
        List<(long Id, string Text)> entries;
        await using (var db = new PortalDbContext(options))
            entries = (await db.SearchEntries.AsNoTracking().Select(e => new { e.Id, e.Text }).ToListAsync()).Select(e => (e.Id, e.Text)).ToList();
        var queries = QueryMix(entries.Select(e => e.Text).ToList());
        Console.WriteLine($"search corpus: {entries.Count} entries, {entries.Sum(e => (long)Encoding.UTF8.GetByteCount(e.Text)) / 1024.0 / 1024.0:F1} MB of text; {queries.Count} queries");
        // The measured engines run as a server would: without the corpus held in this process's heap.
        var entryCount = entries.Count;
        entries = null!;
        GC.Collect();

        // (a) this search: rebuild time, then the index's share of the database file.
        double buildSeconds;
        await using (var db = new PortalDbContext(options))
        {
            db.Database.SetCommandTimeout(600);
            var sw = Stopwatch.StartNew();
            await new SqliteSearchIndex(db).RebuildAsync(CancellationToken.None);
            buildSeconds = sw.Elapsed.TotalSeconds;
        }
        // As in the web app: one LibraryVersion for the process, so the index's document directory is cached.
        var version = new LibraryVersion();
        var ours = await MeasureAsync(queries, async q =>
        {
            await using var db = new PortalDbContext(options);
            var results = await new SqliteSearchIndex(db, version).SearchAsync(new SearchRequest(q), CancellationToken.None);
            // A capped result says "more than HitCap": it agrees with any exact count of at least that many.
            return results.IsComplete ? results.TotalHits : -1;
        });
        var oursSize = await IndexBytesAsync(dbFile, work);

        // (b) the scan: the same terms as LIKE conditions over the same table.
        var scan = await MeasureAsync(queries, async q =>
        {
            await using var db = new PortalDbContext(options);
            return await LikeCountAsync(db, SearchQuery.Parse(q));
        });

        // (c) Lucene.Net 4.8, CJKAnalyzer (bigrams), on disk.
        var luceneFolder = Path.Combine(work, "lucene");
        if (System.IO.Directory.Exists(luceneFolder)) System.IO.Directory.Delete(luceneFolder, true);
        var analyzer = new CJKAnalyzer(LuceneVersion.LUCENE_48);
        var build = Stopwatch.StartNew();
        using (var directory = FSDirectory.Open(luceneFolder))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { OpenMode = OpenMode.CREATE }))
        await using (var db = new PortalDbContext(options))
        {
            await foreach (var e in db.SearchEntries.AsNoTracking().Select(e => new { e.Id, e.Text }).AsAsyncEnumerable())
                writer.AddDocument(new Lucene.Net.Documents.Document { new StoredField("id", e.Id), new TextField("text", e.Text, Field.Store.NO) });
            writer.ForceMerge(1);
            writer.Commit();
        }
        var luceneBuild = build.Elapsed.TotalSeconds;
        var luceneSize = new DirectoryInfo(luceneFolder).EnumerateFiles().Sum(f => f.Length);
        GC.Collect();
        Measurement lucene;
        _ = entryCount;
        using (var directory = FSDirectory.Open(luceneFolder))
        using (var reader = DirectoryReader.Open(directory))
        {
            var searcher = new IndexSearcher(reader);
            lucene = await MeasureAsync(queries, q => Task.FromResult(searcher.Search(LuceneQuery(analyzer, SearchQuery.Parse(q)), 20).TotalHits));
        }

        Console.WriteLine();
        Console.WriteLine("| engine | p50 | p95 | p99 | queries/s | index size | build time |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        Row("this search (FTS5 1–2-character grams, confirmed)", ours, oursSize, buildSeconds);
        Row("LIKE '%…%' scan of the same table", scan, 0, 0);
        Row("Lucene.Net 4.8 CJKAnalyzer (bigrams)", lucene, luceneSize, luceneBuild);
        Console.WriteLine();
        Console.WriteLine($"p95: LIKE scan / this search = {scan.P95 / ours.P95:F0}×; this search / Lucene.Net = {ours.P95 / lucene.P95:F2}×");
        static bool Agrees(int ours, int exact) => ours == exact || (ours == -1 && exact >= SearchIndex.HitCap);
        var exact = ours.Hits.Zip(scan.Hits).Count(p => Agrees(p.First, p.Second));
        Console.WriteLine($"queries with more than {SearchIndex.HitCap} hits (this search reports \"more than\" and ranks the best {SearchIndex.HitCap}): {ours.Hits.Count(h => h == -1)}");
        Console.WriteLine($"hit counts equal to the exact scan: this search {exact}/{queries.Count}, Lucene.Net {lucene.Hits.Zip(scan.Hits).Count(p => p.First == p.Second)}/{queries.Count}");
        Console.WriteLine($"queries where Lucene.Net finds fewer than the exact scan: {lucene.Hits.Zip(scan.Hits).Count(p => p.First < p.Second)}, more: {lucene.Hits.Zip(scan.Hits).Count(p => p.First > p.Second)}");
        foreach (var group in Categories(queries).GroupBy(c => c.Category))
        {
            var idx = group.Select(g => g.Index).ToList();
            Console.WriteLine($"  {group.Key,-12} this search p95 {Percentile(idx.Select(i => ours.Times[i]).ToList(), 95):F1} ms, Lucene.Net p95 {Percentile(idx.Select(i => lucene.Times[i]).ToList(), 95):F1} ms, " +
                              $"equal counts: this {idx.Count(i => Agrees(ours.Hits[i], scan.Hits[i]))}/{idx.Count}, Lucene {idx.Count(i => lucene.Hits[i] == scan.Hits[i])}/{idx.Count}");
        }
    }

    private sealed record Measurement(double P50, double P95, double P99, double Qps, List<int> Hits, List<double> Times);

    private static void Row(string name, Measurement r, long bytes, double seconds) =>
        Console.WriteLine($"| {name} | {r.P50:F1} ms | {r.P95:F1} ms | {r.P99:F1} ms | {r.Qps:F0} | {(bytes == 0 ? "—" : $"{bytes / 1024.0 / 1024.0:F0} MB")} | {(seconds == 0 ? "—" : $"{seconds:F0} s")} |");

    private static async Task<Measurement> MeasureAsync(IReadOnlyList<string> queries, Func<string, Task<int>> run)
    {
        foreach (var q in queries.Take(20)) await run(q);
        var times = new List<double>();
        var hits = new List<int>();
        var total = Stopwatch.StartNew();
        foreach (var q in queries)
        {
            var sw = Stopwatch.StartNew();
            hits.Add(await run(q));
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        var qps = queries.Count / total.Elapsed.TotalSeconds;
        return new Measurement(Percentile(times, 50), Percentile(times, 95), Percentile(times, 99), qps, hits, times);
    }

    private static double Percentile(List<double> values, int p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static async Task<int> LikeCountAsync(PortalDbContext db, SearchQuery query)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        var conditions = new List<string>();
        var n = 0;
        foreach (var (term, negate) in query.Required.Select(t => (t, false)).Concat(query.Excluded.Select(t => (t, true))))
        {
            var name = "@p" + n++;
            conditions.Add($"""{(negate ? "NOT " : "")}"Text" LIKE {name} ESCAPE '\'""");
            command.Parameters.Add(new SqliteParameter(name, "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%"));
        }
        command.CommandText = $"""SELECT count(*) FROM "SearchEntries" WHERE {string.Join(" AND ", conditions)}""";
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }

    private static Query LuceneQuery(CJKAnalyzer analyzer, SearchQuery query)
    {
        var boolean = new BooleanQuery();
        foreach (var (term, occur) in query.Required.Select(t => (t, Occur.MUST)).Concat(query.Excluded.Select(t => (t, Occur.MUST_NOT))))
        {
            var phrase = new PhraseQuery();
            using var stream = analyzer.GetTokenStream("text", term);
            var text = stream.AddAttribute<ICharTermAttribute>();
            var position = stream.AddAttribute<IPositionIncrementAttribute>();
            stream.Reset();
            var at = -1;
            while (stream.IncrementToken())
            {
                at += position.PositionIncrement;
                phrase.Add(new Term("text", text.ToString()), at);
            }
            stream.End();
            boolean.Add(phrase, occur);
        }
        if (query.Excluded.Count > 0 && query.Required.Count == 0) boolean.Add(new MatchAllDocsQuery(), Occur.MUST);
        return boolean;
    }

    /// <summary>200 queries drawn from the corpus itself, deterministic: 40 each of 1, 2, 3 and 4–8 characters, 20 multi-term, 20 phrases.</summary>
    internal static List<string> QueryMix(List<string> texts)
    {
        var random = new Random(4);
        string Sample(int length)
        {
            while (true)
            {
                var t = texts[random.Next(texts.Count)];
                if (t.Length < length + 2) continue;
                var start = random.Next(t.Length - length);
                var s = t.Substring(start, length);
                if (s.All(c => char.IsLetterOrDigit(c))) return s;
            }
        }
        var queries = new List<string>();
        for (var i = 0; i < 40; i++) queries.Add(Sample(1));
        for (var i = 0; i < 40; i++) queries.Add(Sample(2));
        for (var i = 0; i < 40; i++) queries.Add(Sample(3));
        for (var i = 0; i < 40; i++) queries.Add(Sample(4 + random.Next(5)));
        for (var i = 0; i < 20; i++) queries.Add($"{Sample(2)} {Sample(3)}");
        for (var i = 0; i < 20; i++) queries.Add($"\"{Sample(4 + random.Next(3))}\" {Sample(2)}");
        return queries;
    }

    private static IEnumerable<(int Index, string Category)> Categories(IReadOnlyList<string> queries)
    {
        string[] names = ["1 char", "2 chars", "3 chars", "4–8 chars", "multi-term", "phrase+term"];
        for (var i = 0; i < queries.Count; i++) yield return (i, names[i < 160 ? i / 40 : 4 + (i - 160) / 20]);
    }

    /// <summary>The search tables' share of the database file: a copy without them, vacuumed, is this much smaller.</summary>
    private static async Task<long> IndexBytesAsync(string dbFile, string work)
    {
        var copy = Path.Combine(work, "without-index.db");
        File.Delete(copy);
        await using (var connection = new SqliteConnection($"Data Source={dbFile}"))
        {
            await connection.OpenAsync();
            await using var vacuum = connection.CreateCommand();
            vacuum.CommandText = $"VACUUM INTO '{copy.Replace("'", "''")}'";
            await vacuum.ExecuteNonQueryAsync();
        }
        var with = new FileInfo(copy).Length;
        await using (var connection = new SqliteConnection($"Data Source={copy}"))
        {
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = """DROP TABLE "SearchGrams"; DELETE FROM "SearchEntries"; VACUUM;""";
            await drop.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();
        var without = new FileInfo(copy).Length;
        File.Delete(copy);
        return with - without;
    }
}

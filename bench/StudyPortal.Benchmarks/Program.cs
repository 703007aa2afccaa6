using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using StudyPortal.Benchmarks;
using StudyPortal.Data;
using StudyPortal.Data.Importing;
using StudyPortal.Importer;

// Usage: dotnet run -c Release --project bench/StudyPortal.Benchmarks -- import [corpusMB=100]
//        dotnet run -c Release --project bench/StudyPortal.Benchmarks -- single [MB=20]      (its own process, so peak memory is its own)
//        dotnet run -c Release --project bench/StudyPortal.Benchmarks -- search [corpusMB=100] (imports the corpus, then measures search)
//        dotnet run -c Release --project bench/StudyPortal.Benchmarks -- search 100 reuse     (measures search on the last run's database)
//        dotnet run -c Release --project bench/StudyPortal.Benchmarks -- queries              (prints the search mix of the last run's database, one per line)
var verb = args.ElementAtOrDefault(0) ?? "import";
var corpusMb = int.TryParse(args.ElementAtOrDefault(1), out var c) ? c : 100;
var root = PortalPaths.Root();
var seeds = Directory.GetFiles(Path.Combine(root, "seeds")).Order().Select(File.ReadAllText).ToList();
var work = Path.Combine(root, "bench", "results", "work");
Directory.CreateDirectory(work);

if (verb == "single") return await SingleFileAsync(corpusMb == 100 ? 20 : corpusMb);
if (verb == "queries")
{
    // The same 200 queries the engine benchmark times, for bench/search-http.sh to ask over HTTP.
    await using var db = new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite(PortalPaths.SqliteConnectionString(Path.Combine(work, "bench.db"))).Options);
    var texts = await db.SearchEntries.AsNoTracking().Select(e => e.Text).ToListAsync();
    foreach (var query in SearchBenchmark.QueryMix(texts)) Console.WriteLine(query);
    return 0;
}
if (verb is not ("import" or "search"))
{
    Console.Error.WriteLine("verbs: import [MB], single [MB], search [MB]");
    return 2;
}

if (verb == "search" && args.ElementAtOrDefault(2) == "reuse" && File.Exists(Path.Combine(work, "bench.db")))
{
    // Search only, on the database the last run imported.
    var reuse = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite(PortalPaths.SqliteConnectionString(Path.Combine(work, "bench.db"))).Options;
    await SearchBenchmark.RunAsync(reuse, Path.Combine(work, "bench.db"), work);
    return 0;
}
Console.WriteLine($"# Import benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
var generator = new CorpusGenerator(seeds);
var files = new List<byte[]>();
long total = 0;
while (total < corpusMb * 1024L * 1024)
{
    var bytes = Encoding.UTF8.GetBytes(generator.Booklet(256 * 1024 + Random.Shared.Next(768 * 1024)));
    files.Add(bytes);
    total += bytes.Length;
}
Console.WriteLine($"corpus: {files.Count} generated booklets, {total / 1024.0 / 1024.0:F1} MB");

var parser = new DocumentParser(new ImportOptions { MaxFileBytes = 200L * 1024 * 1024, MaxTextCharacters = int.MaxValue });
parser.Parse(files[0], "warmup.txt");
var sw = Stopwatch.StartNew();
var paragraphs = 0;
foreach (var file in files) paragraphs += parser.Parse(file, "f.txt").AllSections.Sum(x => x.Paragraphs.Count);
var parseSeconds = sw.Elapsed.TotalSeconds;
Console.WriteLine($"parse: {total / 1024.0 / 1024.0 / parseSeconds:F1} MB/s ({parseSeconds:F1} s, {paragraphs} paragraphs)");

var dbFile = Path.Combine(work, "bench.db");
foreach (var f in Directory.GetFiles(work, "bench.db*")) File.Delete(f);
var options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite(PortalPaths.SqliteConnectionString(dbFile)).Options;
await using (var db = new PortalDbContext(options))
{
    await db.Database.MigrateAsync();
    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
}
sw.Restart();
for (var i = 0; i < files.Count; i++)
{
    await using var db = new PortalDbContext(options);
    var store = new DocumentStore(db, new StudyPortal.Data.Search.SqliteSearchIndex(db), TimeProvider.System, new LibraryVersion(), NullLogger<DocumentStore>.Instance);
    await store.StoreAsync(parser.Parse(files[i], $"booklet{i}.txt"), files[i], "bench");
}
var importSeconds = sw.Elapsed.TotalSeconds;
Console.WriteLine($"parse+store: {total / 1024.0 / 1024.0 / importSeconds:F1} MB/s ({importSeconds:F1} s; every document committed and searchable)");
// The full-text tokens, written after each document's transaction (the web app does this in the background).
sw.Restart();
await using (var db = new PortalDbContext(options))
{
    var documents = await new StudyPortal.Data.Search.SqliteSearchIndex(db).CatchUpAsync(CancellationToken.None);
    var catchUpSeconds = sw.Elapsed.TotalSeconds;
    Console.WriteLine($"full-text catch-up: {documents} documents in {catchUpSeconds:F1} s; parse+store+catch-up {total / 1024.0 / 1024.0 / (importSeconds + catchUpSeconds):F1} MB/s");
}

if (verb == "search") await SearchBenchmark.RunAsync(options, dbFile, work);
SqliteConnection.ClearAllPools();
return 0;

async Task<int> SingleFileAsync(int megabytes)
{
    var single = Encoding.UTF8.GetBytes(new CorpusGenerator(seeds, 7).Booklet(megabytes * 1024 * 1024));
    var file = Path.Combine(work, "single.db");
    foreach (var f in Directory.GetFiles(work, "single.db*")) File.Delete(f);
    var singleOptions = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite(PortalPaths.SqliteConnectionString(file)).Options;
    await using (var db = new PortalDbContext(singleOptions)) await db.Database.MigrateAsync();
    GC.Collect();
    var start = Stopwatch.StartNew();
    await using (var db = new PortalDbContext(singleOptions))
    {
        var store = new DocumentStore(db, new StudyPortal.Data.Search.SqliteSearchIndex(db), TimeProvider.System, new LibraryVersion(), NullLogger<DocumentStore>.Instance);
        var outcome = await store.StoreAsync(new DocumentParser().Parse(single, "single.txt"), single, "bench");
        var stored = start.Elapsed.TotalSeconds;
        await new StudyPortal.Data.Search.SqliteSearchIndex(db).CatchUpAsync(CancellationToken.None);
        Console.WriteLine($"single file: {single.Length / 1024.0 / 1024.0:F1} MB, {outcome.Articles} articles, {outcome.Sections} sections, {outcome.Paragraphs} paragraphs " +
                          $"parsed and stored in {stored:F1} s, full-text tokens {start.Elapsed.TotalSeconds - stored:F1} s more; peak working set of the process {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:F0} MB");
    }
    SqliteConnection.ClearAllPools();
    return 0;
}

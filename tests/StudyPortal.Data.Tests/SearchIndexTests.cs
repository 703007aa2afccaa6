using Microsoft.EntityFrameworkCore;
using StudyPortal.Data.Search;
using StudyPortal.Tests;

namespace StudyPortal.Data.Tests;

public sealed class SearchIndexTests
{
    private static async Task<long> CountAsync(PortalDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Index_FollowsStoreReplaceAndDelete_InTheSameTransaction()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var importer = database.Importer(db);
        var outcome = (await importer.ImportFileAsync(TestPaths.Seed("003"), "a")).Outcome!;
        var entries = await db.SearchEntries.CountAsync();
        Assert.True(entries > 20);
        // Stored and searchable at once; the tokens come with the catch-up.
        Assert.Equal(0, await CountAsync(db, """SELECT count(*) FROM "SearchGrams" """));
        Assert.Equal(1, await CountAsync(db, """SELECT count(*) FROM "SearchBacklog" """));
        var index = new SqliteSearchIndex(db);
        var beforeCatchUp = await index.SearchAsync(new SearchRequest("网信"), CancellationToken.None);
        Assert.Equal(1, await index.CatchUpAsync(CancellationToken.None));
        Assert.Equal(entries, await CountAsync(db, """SELECT count(*) FROM "SearchGrams" """));
        Assert.Equal(0, await CountAsync(db, """SELECT count(*) FROM "SearchBacklog" """));

        var results = await new SqliteSearchIndex(db).SearchAsync(new SearchRequest("网信"), CancellationToken.None);
        Assert.True(results.TotalHits > 0);
        Assert.Equal(results.TotalHits, beforeCatchUp.TotalHits);
        Assert.Equal(results.Sections.Select(s => s.SectionKey), beforeCatchUp.Sections.Select(s => s.SectionKey));

        Assert.True(await TestDatabase.Store(db).DeleteAsync(outcome.DocumentId));
        Assert.Equal(0, await db.SearchEntries.CountAsync());
        Assert.Equal(0, await CountAsync(db, """SELECT count(*) FROM "SearchGrams" WHERE "SearchGrams" MATCH '"网络"' """));
        Assert.Equal(0, (await new SqliteSearchIndex(db).SearchAsync(new SearchRequest("网信"), CancellationToken.None)).TotalHits);
    }

    [Fact]
    public async Task Rebuild_GivesTheSameResults()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        await database.Importer(db).ImportFileAsync(TestPaths.Seed("000"), "a");
        var index = new SqliteSearchIndex(db);
        var before = await index.SearchAsync(new SearchRequest("网络 强国"), CancellationToken.None);
        var rebuilt = await index.RebuildAsync(CancellationToken.None);
        var after = await index.SearchAsync(new SearchRequest("网络 强国"), CancellationToken.None);
        Assert.Equal(await db.SearchEntries.CountAsync(), rebuilt);
        Assert.Equal(before.TotalHits, after.TotalHits);
        Assert.Equal(before.Sections.Select(s => s.SectionKey), after.Sections.Select(s => s.SectionKey));
    }

    [Fact]
    public async Task LongerTerms_AreConfirmedInTheText_NotOnlyByTheirPairs()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        // Every pair of 网络安网 (网络, 络安, 安网) is in the first paragraph, but not the term itself.
        var text = "测试汇编\n\n网络安，安网络。\n\n网络安网站的建设——一个例子。\n\nGDP 增长 5%以上。";
        Assert.True((await database.Importer(db).ImportBytesAsync(System.Text.Encoding.UTF8.GetBytes(text), "t.txt", "test")).Succeeded);
        var index = new SqliteSearchIndex(db);
        async Task<int> Hits(string q) => (await index.SearchAsync(new SearchRequest(q), CancellationToken.None)).TotalHits;

        // The same answers while the document waits for its tokens (entries scanned) and after (full-text index).
        foreach (var stage in new[] { "backlog", "indexed" })
        {
            Assert.Equal((stage, 1), (stage, await Hits("网络安网")));
            Assert.Equal((stage, 2), (stage, await Hits("网络安")));
            Assert.Equal((stage, 1), (stage, await Hits("网络安 -网站")));
            Assert.Equal((stage, 1), (stage, await Hits("gdp")));
            Assert.Equal((stage, 1), (stage, await Hits("5%以上")));
            Assert.Equal((stage, 0), (stage, await Hits("5_以上")));
            Assert.Equal((stage, 0), (stage, await Hits("gd%")));
            Assert.Equal((stage, 1), (stage, await Hits("——")));
            Assert.Equal((stage, 0), (stage, await Hits("安网网")));
            Assert.Equal((stage, 2), (stage, await Hits("网")));
            Assert.Equal((stage, 1), (stage, await Hits("站")));
            await index.CatchUpAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task CatchUp_FromTwoContextsAtOnce_IndexesEachDocumentOnce()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            foreach (var seed in TestPaths.AllSeeds) await database.Importer(db).ImportFileAsync(seed, "a");
        }
        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var counts = await Task.WhenAll(new SqliteSearchIndex(first).CatchUpAsync(CancellationToken.None), new SqliteSearchIndex(second).CatchUpAsync(CancellationToken.None));
        Assert.Equal(5, counts.Sum());
        Assert.Equal(await first.SearchEntries.LongCountAsync(), await CountAsync(first, """SELECT count(*) FROM "SearchGrams" """));
    }

    [Fact]
    public async Task EmptiedIndex_IsRebuiltWhenTheDatabaseIsMigrated()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        await database.Importer(db).ImportFileAsync(TestPaths.Seed("003"), "a");
        var entries = await db.SearchEntries.CountAsync();
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "SearchGrams"; DELETE FROM "SearchEntries";""");

        var initializer = new DatabaseInitializer(db, database.Importer(db), new SqliteSearchIndex(db),
            Microsoft.Extensions.Options.Options.Create(new PortalOptions()), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<DatabaseInitializer>.Instance);
        await initializer.MigrateAsync();

        Assert.Equal(entries, await db.SearchEntries.CountAsync());
        Assert.True((await new SqliteSearchIndex(db).SearchAsync(new SearchRequest("网信"), CancellationToken.None)).TotalHits > 0);
    }

    [Theory]
    [InlineData("网络 安全", new[] { "网络", "安全" }, new string[0])]
    [InlineData("\"网络 强国\" -人才", new[] { "网络强国" }, new[] { "人才" })]
    [InlineData("IPv6 GDP", new[] { "ipv6", "gdp" }, new string[0])]
    [InlineData("\" lone", new[] { "\"", "lone" }, new string[0])]
    [InlineData("- -", new[] { "-" }, new string[0])]
    public void Query_IsReadAsTerms(string input, string[] required, string[] excluded)
    {
        var query = SearchQuery.Parse(input);
        Assert.Equal(required, query.Required);
        Assert.Equal(excluded, query.Excluded);
    }

    [Fact]
    public void Query_IsCappedAt200Characters() => Assert.Equal(200, SearchQuery.Parse(new string('网', 500)).Required.Single().Length);

    [Fact]
    public void Matches_FindEveryTerm_CaseInsensitive_OverlapsMerged() =>
        Assert.Equal([new TextRange(3, 2), new TextRange(10, 2), new TextRange(13, 6)], Matches.Of("<b>网络</b>与安全和Data安全", ["网络", "安全", "data", "ta安"]));
}

public sealed class SearchCapTests
{
    [Fact]
    public async Task FrequentTerm_ReadsOnlyTheBestHits_AndSaysThereAreMore()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var text = "测试资料汇编\n\n" + string.Join("\n\n", Enumerable.Range(1, SearchIndex.HitCap + 200).Select(i => $"这是第{i}段测试正文，内容足够完整。"));
        var outcome = await database.Importer(db).ImportBytesAsync(System.Text.Encoding.UTF8.GetBytes(text), "many.txt", "test");
        Assert.True(outcome.Succeeded, outcome.Error);

        var results = await new SqliteSearchIndex(db).SearchAsync(new SearchRequest("测试"), CancellationToken.None);
        Assert.False(results.IsComplete);
        Assert.Equal(SearchIndex.HitCap, results.TotalHits);
        // The title hit ranks first: the best hits are the ones read.
        Assert.Equal("title", results.Sections[0].Snippets[0].Kind);

        var rare = await new SqliteSearchIndex(db).SearchAsync(new SearchRequest($"第{SearchIndex.HitCap + 199}段"), CancellationToken.None);
        Assert.True(rare.IsComplete);
        Assert.Equal(1, rare.TotalHits);
    }
}

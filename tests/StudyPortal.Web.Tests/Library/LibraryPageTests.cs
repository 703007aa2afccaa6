using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyPortal.Data;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Library;

[Collection(PortalCollection.Name)]
public sealed class LibraryPageTests(PortalFactory factory)
{
    [Fact]
    public async Task Home_ListsEverySeedDocument_WithItsArticles()
    {
        var (response, page) = await HtmlPage.GetAsync(factory.CreateClient(), "/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var titles = page.Texts(".document-card h3");
        Assert.Equal(5, titles.Count);
        Assert.Contains("关于“网络强国”的深刻阐述", titles);
        Assert.Contains("习近平关于建设网络强国的讲话", titles);
        var booklet = page.QuerySelectorAll(".document-card").Single(c => c.QuerySelector("h3")!.TextContent.Trim() == "关于“网络强国”的深刻阐述");
        Assert.Equal(3, booklet.QuerySelectorAll(".article-links li").Length);
        Assert.Contains("建设网络强国 助力民族复兴——以习近平同志为核心的党中央引领网信事业发展述评", booklet.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_WriteChineseAsText_NotAsCharacterReferences()
    {
        var html = await factory.CreateClient().GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("学习资料库", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x5B66;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_AppliesMigrations_AndSeedsOnce()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(5, await db.Documents.CountAsync());
        Assert.All(await db.Documents.Select(d => d.ImportedBy).ToListAsync(), by => Assert.Equal(DatabaseInitializer.SeedImporter, by));
    }

    [Fact]
    [Trait("Provider", "Sqlite")]
    public async Task Startup_PutsSqliteInWalMode()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task UnknownAddress_GetsTheFriendly404Page()
    {
        var (response, page) = await HtmlPage.GetAsync(factory.CreateClient(), "/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("页面不存在", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("header.site-header"));
    }
}

public sealed class RestartTests
{
    [Fact]
    public async Task SecondStart_OnTheSameData_DoesNotImportTheSeedsAgain()
    {
        using var first = new PortalFactory();
        _ = first.CreateClient();
        using var second = new SameDatabaseFactory(first);
        var html = await second.CreateClient().GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("关于“网络强国”的深刻阐述", html, StringComparison.Ordinal);
        using var scope = second.Services.CreateScope();
        Assert.Equal(5, await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Documents.CountAsync());
    }

    private sealed class SameDatabaseFactory(PortalFactory first) : PortalFactory(first);
}

[Collection(PortalCollection.Name)]
public sealed class LibraryFilterTests(PortalFactory factory)
{
    [Theory]
    [InlineData("/?series=主题教育学习资料", 1)]
    [InlineData("/?year=2023", 1)]
    [InlineData("/?year=1999", 0)]
    [InlineData("/?series=%3Cscript%3E", 0)]
    [InlineData("/?year=abc", 5)]
    public async Task Filters_BySeriesAndYear(string url, int expected)
    {
        var (response, page) = await HtmlPage.GetAsync(factory.CreateClient(), url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, page.QuerySelectorAll(".document-card").Length);
    }

    [Fact]
    public async Task Documents_AreNewestFirst_WithReadingTimeFromCharacters()
    {
        var (_, page) = await HtmlPage.GetAsync(factory.CreateClient(), "/");
        Assert.Equal("关于“网络强国”的深刻阐述", page.QuerySelector(".document-card h3")!.TextContent.Trim());
        // Seed 000 holds about 8,400 characters of body text: 21 minutes at 400 a minute.
        Assert.Contains("约 21 分钟", page.QuerySelector(".document-card .meta")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class ReadingSpeedTests
{
    [Fact]
    public async Task ReadingTime_FollowsTheConfiguredCharactersPerMinute()
    {
        using var factory = new FastReaderFactory();
        var (_, page) = await HtmlPage.GetAsync(factory.CreateClient(), "/");
        using var scope = factory.Services.CreateScope();
        var characters = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Documents.Where(d => d.Title == "关于“网络强国”的深刻阐述").Select(d => d.CharCount).SingleAsync();
        var minutes = ReadingTime.Minutes(characters, 800);
        Assert.NotEqual(ReadingTime.Minutes(characters, 400), minutes);
        Assert.Contains($"约 {minutes} 分钟", page.QuerySelector(".document-card .meta")!.TextContent, StringComparison.Ordinal);
    }

    private sealed class FastReaderFactory : PortalFactory
    {
        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var settings = base.Settings;
                settings["Reading:CharactersPerMinute"] = "800";
                return settings;
            }
        }
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyPortal.Data;
using StudyPortal.Data.Importing;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Search;

/// <summary>A document stored while the portal runs is found by search at once; its FTS5 tokens follow in the background.</summary>
[Trait("Provider", "Sqlite")]
public sealed class SearchCatchUpTests
{
    [Fact]
    public async Task NewDocument_IsFoundAtOnce_AndItsTokensAreWrittenInTheBackground()
    {
        await using var factory = new PortalFactory();
        var client = factory.CreateClient();
        var text = "量子通信试点学习材料\n\n一、背景\n\n量子纠缠通信试点工作取得阶段性进展，各单位要认真学习。\n";
        using (var scope = factory.Services.CreateScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<DocumentImporter>()
                .ImportBytesAsync(System.Text.Encoding.UTF8.GetBytes(text), "quantum.txt", "test");
            Assert.True(result.Succeeded, result.Error);
        }

        var (response, page) = await HtmlPage.GetAsync(client, "/search?q=" + Uri.EscapeDataString("量子纠缠"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("量子纠缠通信试点", page.QuerySelector(".result")!.TextContent, StringComparison.Ordinal);

        // SearchCatchUp was woken by the import: the backlog empties and every entry has its FTS5 row.
        long backlog = -1, tokens = 0, entries = 0;
        for (var attempt = 0; attempt < 50 && backlog != 0; attempt++)
        {
            await Task.Delay(200);
            using var scope = factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            backlog = await db.Database.SqlQueryRaw<long>("""SELECT count(*) AS "Value" FROM "SearchBacklog" """).SingleAsync();
            tokens = await db.Database.SqlQueryRaw<long>("""SELECT count(*) AS "Value" FROM "SearchGrams" """).SingleAsync();
            entries = await db.SearchEntries.LongCountAsync();
        }
        Assert.Equal(0, backlog);
        Assert.Equal(entries, tokens);
        (_, page) = await HtmlPage.GetAsync(client, "/search?q=" + Uri.EscapeDataString("量子纠缠"));
        Assert.Contains("量子纠缠通信试点", page.QuerySelector(".result")!.TextContent, StringComparison.Ordinal);
    }
}

using Microsoft.Extensions.DependencyInjection;
using StudyPortal.Data;
using StudyPortal.Data.Accounts;
using StudyPortal.Web.Infrastructure.Groups;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Read;

/// <summary>The chapter's text is rendered once and shared; each signed-in reader still sees only their own name, notices and form token.</summary>
[Collection(SecuredPortalCollection.Name)]
public sealed class SignedInReaderCacheTests(SecuredPortalFactory factory)
{
    [Fact]
    public async Task TwoReadersAlternatingOnOnePage_EachSeeOnlyTheirOwn()
    {
        var key = await factory.SectionKeyAsync(Seeded.Quotations, "把握时代大势");
        var first = await factory.CreateUserAsync(PortalRoles.Reader);
        var second = await factory.CreateUserAsync(PortalRoles.Reader);
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<NoticeBoard>().AddAsync([first.Id], NoticeBoard.Comment, 424242, "组长点评了你的心得", "/study", CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SaveChangesAsync();
        }
        var clients = new[] { (User: first, Client: await factory.SignedInClientAsync(first.UserName!), Unread: "1"), (User: second, Client: await factory.SignedInClientAsync(second.UserName!), Unread: (string?)null) };

        var tokens = new HashSet<string>();
        for (var round = 0; round < 3; round++)
        {
            foreach (var (user, client, unread) in clients)
            {
                var (_, page) = await HtmlPage.GetAsync(client, $"/read/{key}");
                Assert.Equal(user.DisplayName, page.QuerySelector(".user-name")!.TextContent.Trim());
                Assert.Equal(unread, page.QuerySelector(".bell .count")?.TextContent);
                Assert.Contains("深刻改变了人们的生产和生活方式", page.QuerySelector("article.chapter")!.TextContent, StringComparison.Ordinal);
                tokens.Add($"{user.Id}:{page.QuerySelector("meta[name=progress-token]")!.GetAttribute("content")}");
            }
        }
        // Every page carried a token of its own reader: never one page's personal parts served to another.
        Assert.Equal(6, tokens.Count);
    }
}

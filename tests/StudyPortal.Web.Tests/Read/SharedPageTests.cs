using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StudyPortal.Data;
using StudyPortal.Data.Accounts;
using StudyPortal.Web.Infrastructure.Groups;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Read;

/// <summary>
/// A chapter page is rendered once and shared by every signed-in reader, so nothing personal may be in it: each reader
/// gets their own name, notices and form token from /api/me, and never another's.
/// </summary>
[Collection(SecuredPortalCollection.Name)]
public sealed class SharedPageTests(SecuredPortalFactory factory)
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
        var readers = new[] { (User: first, Client: await factory.SignedInClientAsync(first.UserName!), Unread: 1), (User: second, Client: await factory.SignedInClientAsync(second.UserName!), Unread: 0) };

        var pages = new HashSet<string>();
        var tokens = new HashSet<string>();
        for (var round = 0; round < 3; round++)
        {
            foreach (var (user, client, unread) in readers)
            {
                var response = await client.GetAsync(new Uri($"/read/{key}", UriKind.Relative));
                var html = await response.Content.ReadAsStringAsync();
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains("深刻改变了人们的生产和生活方式", html, StringComparison.Ordinal);
                Assert.DoesNotContain(first.DisplayName!, html, StringComparison.Ordinal);
                Assert.DoesNotContain(second.DisplayName!, html, StringComparison.Ordinal);
                Assert.DoesNotContain("__RequestVerificationToken", html, StringComparison.Ordinal);
                Assert.Contains("data-me=\"pending\"", html, StringComparison.Ordinal);
                if (round > 0) Assert.NotNull(response.Headers.Age);
                pages.Add(html);

                using var me = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/me", UriKind.Relative)));
                Assert.Equal(user.DisplayName, me.RootElement.GetProperty("name").GetString());
                Assert.Equal(unread, me.RootElement.GetProperty("unread").GetInt32());
                Assert.Equal($"通知（{unread} 条未读）", me.RootElement.GetProperty("bell").GetString());
                tokens.Add($"{user.Id}:{me.RootElement.GetProperty("token").GetString()}");
            }
        }
        // One page for both readers (served from the cache after the first), and a token of its own for every call.
        Assert.Single(pages);
        Assert.Equal(6, tokens.Count);
        Assert.Equal(HttpStatusCode.NoContent, (await readers[1].Client.ReportAsync(key, 1, completed: false)).StatusCode);
    }

    [Fact]
    public async Task ContentsQuotationAndSearchPages_AreSharedToo_WithNothingPersonalInThem()
    {
        var documentId = await factory.DocumentIdAsync(Seeded.Booklet);
        var first = await factory.CreateUserAsync(PortalRoles.Reader);
        var second = await factory.CreateUserAsync(PortalRoles.Reader);
        var clients = new[] { await factory.SignedInClientAsync(first.UserName!), await factory.SignedInClientAsync(second.UserName!) };
        foreach (var url in new[] { $"/documents/{documentId}", "/quotes/1", "/search?q=" + Uri.EscapeDataString("网络强国") })
        {
            var served = new List<HttpResponseMessage>();
            foreach (var client in clients.Concat(clients)) served.Add(await client.GetAsync(new Uri(url, UriKind.Relative)));
            var htmls = await Task.WhenAll(served.Select(r => r.Content.ReadAsStringAsync()));
            Assert.All(served, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            Assert.Single(htmls.Distinct());
            Assert.NotNull(served[^1].Headers.Age);
            Assert.DoesNotContain(first.DisplayName!, htmls[0], StringComparison.Ordinal);
            Assert.DoesNotContain(second.DisplayName!, htmls[0], StringComparison.Ordinal);
            Assert.DoesNotContain("__RequestVerificationToken", htmls[0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AReaderAndAnAdmin_GetPagesOfTheirOwnAudience()
    {
        var key = await factory.SectionKeyAsync(Seeded.Quotations, "把握时代大势");
        var reader = await factory.SignedInAsync(PortalRoles.Reader);
        var admin = await factory.SignedInAsync(PortalRoles.Admin);
        for (var round = 0; round < 2; round++)
        {
            var (_, readerPage) = await HtmlPage.GetAsync(reader, $"/read/{key}");
            var (_, adminPage) = await HtmlPage.GetAsync(admin, $"/read/{key}");
            Assert.Null(readerPage.QuerySelector("a[href='/admin/documents']"));
            Assert.NotNull(adminPage.QuerySelector("a[href='/admin/documents']"));
        }
    }

    [Fact]
    public async Task Me_IsForSignedInReadersOnly()
    {
        var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/me", UriKind.Relative))).StatusCode);
    }
}

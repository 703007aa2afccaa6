using System.Text;
using Microsoft.Extensions.DependencyInjection;
using StudyPortal.Data.Importing;
using StudyPortal.Tests;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Read;

/// <summary>The reader's page cache never serves text that a re-import replaced.</summary>
public sealed class ReaderCacheTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _factory;

    public ReaderCacheTests(PortalFactory factory) => _factory = factory;

    [Fact]
    public async Task ReimportedSection_IsServedFresh_UnderTheSameKey()
    {
        var key = await _factory.SectionKeyAsync(Seeded.Quotations, "把握时代大势");
        var client = _factory.CreateClient();
        var before = await client.GetStringAsync(new Uri($"/read/{key}", UriKind.Relative));
        Assert.Contains("深刻改变了人们的生产和生活方式", before, StringComparison.Ordinal);
        Assert.Equal(before, await client.GetStringAsync(new Uri($"/read/{key}", UriKind.Relative)));

        var changed = (await File.ReadAllTextAsync(TestPaths.Seed("003"))).Replace("深刻改变了人们的生产和生活方式", "深刻改变了人们的生产生活方式", StringComparison.Ordinal);
        using (var scope = _factory.Services.CreateScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<DocumentImporter>().ImportBytesAsync(Encoding.UTF8.GetBytes(changed), "003-v2.txt", "test");
            Assert.Equal(ImportStatus.Replaced, outcome.Outcome!.Status);
        }

        var after = await client.GetStringAsync(new Uri($"/read/{key}", UriKind.Relative));
        Assert.Contains("深刻改变了人们的生产生活方式", after, StringComparison.Ordinal);
        Assert.DoesNotContain("生产和生活方式", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnonymousReadersPage_SetsNoCookie_SoItCanBeCached()
    {
        var key = await _factory.SectionKeyAsync(Seeded.Quotations, "把握时代大势");
        var response = await _factory.CreateClient().GetAsync(new Uri($"/read/{key}", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"), string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []));
    }

    [Fact]
    public async Task CachedPages_AreKeptApartByLanguage()
    {
        var key = await _factory.SectionKeyAsync(Seeded.Quotations, "明确发展路径");
        var chinese = await _factory.CreateClient().GetStringAsync(new Uri($"/read/{key}", UriKind.Relative));
        var englishClient = _factory.CreateClient();
        englishClient.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var english = await englishClient.GetStringAsync(new Uri($"/read/{key}", UriKind.Relative));
        Assert.Contains("上一节", chinese, StringComparison.Ordinal);
        Assert.Contains("Previous", english, StringComparison.Ordinal);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyPortal.Data;
using StudyPortal.Data.Library;
using StudyPortal.Data.Search;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Search;

[Collection(PortalCollection.Name)]
public sealed class SearchTests(PortalFactory factory)
{
    private async Task<JsonElement> ApiAsync(string query)
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/api/search?" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<List<SearchEntry>> EntriesAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SearchEntries.AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task FourCharacters_FindSeed003sQuotation_AmongTheFirstResults()
    {
        var (response, page) = await HtmlPage.GetAsync(factory.CreateClient(), "/search?q=" + Uri.EscapeDataString("网络安全"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = page.QuerySelectorAll(".result").Take(5).ToList();
        Assert.Contains(results, r => r.TextContent.Contains("没有网络安全就没有国家安全", StringComparison.Ordinal));
        Assert.All(page.QuerySelectorAll(".result .snippet"), s => Assert.NotEmpty(s.QuerySelectorAll("mark")));
    }

    [Theory]
    [InlineData("网信")]
    [InlineData("网")]
    [InlineData("5G")]
    [InlineData("5g")]
    [InlineData("IPv6")]
    [InlineData("ipv6")]
    [InlineData("GDP")]
    public async Task ShortAndLatinTerms_FindEveryEntryThatContainsThem(string term)
    {
        var json = await ApiAsync("q=" + Uri.EscapeDataString(term));
        var expected = (await EntriesAsync()).Count(e => e.Text.Contains(term, StringComparison.OrdinalIgnoreCase));
        Assert.True(expected > 0);
        Assert.Equal(expected, json.GetProperty("totalHits").GetInt32());
    }

    [Fact]
    public async Task PhraseAndTerm_MustBothOccur()
    {
        var json = await ApiAsync("q=" + Uri.EscapeDataString("\"网络强国\" 人才"));
        var expected = (await EntriesAsync()).Count(e => e.Text.Contains("网络强国", StringComparison.Ordinal) && e.Text.Contains("人才", StringComparison.Ordinal));
        Assert.True(expected > 0);
        Assert.Equal(expected, json.GetProperty("totalHits").GetInt32());
        Assert.Equal(["网络强国", "人才"], json.GetProperty("terms").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task MinusTerm_Excludes()
    {
        var json = await ApiAsync("q=" + Uri.EscapeDataString("网络 -安全"));
        var entries = await EntriesAsync();
        var expected = entries.Count(e => e.Text.Contains("网络", StringComparison.Ordinal) && !e.Text.Contains("安全", StringComparison.Ordinal));
        Assert.Equal(expected, json.GetProperty("totalHits").GetInt32());
        Assert.True(expected < entries.Count(e => e.Text.Contains("网络", StringComparison.Ordinal)));
        foreach (var section in json.GetProperty("sections").EnumerateArray())
            foreach (var snippet in section.GetProperty("snippets").EnumerateArray())
                Assert.DoesNotContain("安全", snippet.GetProperty("html").GetString()!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"\"")]
    [InlineData("*")]
    [InlineData("网络*")]
    [InlineData("NEAR(网络 安全)")]
    [InlineData("网络 AND 安全")]
    [InlineData("网络 OR")]
    [InlineData("(网络")]
    [InlineData("text:网络")]
    [InlineData("^网络")]
    [InlineData("-")]
    [InlineData("--")]
    [InlineData("' OR 1=1 --")]
    [InlineData("\"网络")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("%00")]
    public async Task SyntaxAndHostileInput_IsSearchedAsText_AndNeverErrors(string input)
    {
        var (response, page) = await HtmlPage.GetAsync(factory.CreateClient(), "/search?q=" + Uri.EscapeDataString(input));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector(".search-results, .page-head"));
        Assert.Empty(page.QuerySelectorAll("main script"));
        await ApiAsync("q=" + Uri.EscapeDataString(input));
    }

    [Fact]
    public async Task VeryLongQuery_IsCappedNotRefused()
    {
        var json = await ApiAsync("q=" + Uri.EscapeDataString(string.Concat(Enumerable.Repeat("网络 ", 3000))));
        Assert.True(json.GetProperty("totalHits").GetInt32() > 0);
        var (response, _) = await HtmlPage.GetAsync(factory.CreateClient(), "/search?q=" + new string('网', 1900));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Facets_AgreeWithTheDatabase_AndFiltersNarrow()
    {
        var entries = (await EntriesAsync()).Where(e => e.Text.Contains("网络", StringComparison.Ordinal)).ToList();
        var json = await ApiAsync("q=" + Uri.EscapeDataString("网络"));
        var documents = json.GetProperty("facets").GetProperty("documents").EnumerateArray().ToDictionary(d => int.Parse(d.GetProperty("value").GetString()!), d => d.GetProperty("count").GetInt32());
        Assert.Equal(entries.CountBy(e => e.DocumentId).ToDictionary(), documents);
        var kinds = json.GetProperty("facets").GetProperty("kinds").EnumerateArray().ToDictionary(d => d.GetProperty("value").GetString()!, d => d.GetProperty("count").GetInt32());
        Assert.Equal(entries.CountBy(e => SearchIndex.KindName(e.Kind)).ToDictionary(), kinds);

        var quotations = await ApiAsync("q=" + Uri.EscapeDataString("网络") + "&kind=quotation");
        Assert.Equal(entries.Count(e => e.Kind == SearchKind.Quotation), quotations.GetProperty("totalHits").GetInt32());
        var in2016 = await ApiAsync("q=" + Uri.EscapeDataString("网络") + "&from=2016&to=2016");
        Assert.Equal(entries.Count(e => e.Kind == SearchKind.Quotation && e.Year == 2016), in2016.GetProperty("totalHits").GetInt32());
        var oneDocument = documents.First();
        var filtered = await ApiAsync("q=" + Uri.EscapeDataString("网络") + "&document=" + oneDocument.Key);
        Assert.Equal(oneDocument.Value, filtered.GetProperty("totalHits").GetInt32());
        var series = await ApiAsync("q=" + Uri.EscapeDataString("网络") + "&series=" + Uri.EscapeDataString("主题教育学习资料"));
        Assert.All(series.GetProperty("sections").EnumerateArray(), s => Assert.Equal("关于“网络强国”的深刻阐述", s.GetProperty("document").GetString()));
    }

    [Fact]
    public async Task Results_ArePaginated_WithTheTotal()
    {
        var first = await ApiAsync("q=" + Uri.EscapeDataString("网") + "&page=1");
        var second = await ApiAsync("q=" + Uri.EscapeDataString("网") + "&page=2");
        var total = first.GetProperty("totalSections").GetInt32();
        Assert.True(total > 20);
        Assert.Equal(20, first.GetProperty("sections").GetArrayLength());
        Assert.Equal(Math.Min(20, total - 20), second.GetProperty("sections").GetArrayLength());
        Assert.Empty(first.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("key").GetString())
            .Intersect(second.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("key").GetString())));
        var (_, page) = await HtmlPage.GetAsync(factory.CreateClient(), "/search?q=" + Uri.EscapeDataString("网"));
        Assert.NotNull(page.QuerySelector(".pagination a[rel='next']"));
    }

    [Fact]
    public async Task TitleHits_RankAboveBodyHits()
    {
        var json = await ApiAsync("q=" + Uri.EscapeDataString("培养网信人才"));
        var first = json.GetProperty("sections")[0];
        Assert.Equal("培养网信人才", first.GetProperty("heading").GetString());
    }

    [Fact]
    public async Task Result_OpensTheReaderAtTheParagraph_WithTheTermsHighlighted()
    {
        var (_, page) = await HtmlPage.GetAsync(factory.CreateClient(), "/search?q=" + Uri.EscapeDataString("没有网络安全"));
        var href = page.QuerySelector(".result h3 a")!.GetAttribute("href")!;
        Assert.Matches("^/read/[0-9a-f]{12}\\?q=.+#p-\\d+$", href);
        var (_, reader) = await HtmlPage.GetAsync(factory.CreateClient(), href.Split('#')[0]);
        Assert.Contains(reader.QuerySelectorAll("article mark"), m => m.TextContent == "没有网络安全");
        var anchor = href.Split('#')[1];
        Assert.NotNull(reader.GetElementById(anchor));
    }

    [Fact]
    public async Task EveryPage_HasTheSearchBox()
    {
        foreach (var url in new[] { "/", "/quotes", "/search" })
        {
            var (_, page) = await HtmlPage.GetAsync(factory.CreateClient(), url);
            var form = page.QuerySelector("header form[role='search']")!;
            Assert.Equal("/search", form.GetAttribute("action"));
            Assert.NotNull(form.QuerySelector("label[for='site-search-q']"));
        }
    }

    [Fact]
    public async Task QuotationSearch_ByTextSpeakerAndYear()
    {
        var (_, byText) = await HtmlPage.GetAsync(factory.CreateClient(), "/quotes?q=" + Uri.EscapeDataString("网络安全为人民"));
        Assert.Single(byText.QuerySelectorAll(".quote-group figure"));
        var (_, byOccasion) = await HtmlPage.GetAsync(factory.CreateClient(), "/quotes?q=" + Uri.EscapeDataString("座谈会"));
        Assert.Equal(6, byOccasion.QuerySelectorAll(".quote-group figure").Length);
        var (_, byYear) = await HtmlPage.GetAsync(factory.CreateClient(), "/quotes?speaker=" + Uri.EscapeDataString("习近平") + "&year=2014");
        Assert.All(byYear.QuerySelectorAll(".quote-group figure figcaption"), c => Assert.Contains("2014年", c.TextContent, StringComparison.Ordinal));
        Assert.True(byYear.QuerySelectorAll(".quote-group figure").Length >= 5);
    }
}

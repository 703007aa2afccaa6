using System.Text;
using Microsoft.Extensions.DependencyInjection;
using StudyPortal.Data.Importing;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Search;

public sealed class SearchEscapingTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _factory;

    public SearchEscapingTests(PortalFactory factory) => _factory = factory;

    [Fact]
    public async Task Highlights_AreEscapedHtml()
    {
        using (var scope = _factory.Services.CreateScope())
        {
            var text = "标签测试材料\n\n这段正文包含<b>粗体标签</b>和<script>alert(1)</script>，搜索时应当原样显示。\n";
            var result = await scope.ServiceProvider.GetRequiredService<DocumentImporter>().ImportBytesAsync(Encoding.UTF8.GetBytes(text), "tags.txt", "test");
            Assert.True(result.Succeeded, result.Error);
        }
        var (_, page) = await HtmlPage.GetAsync(_factory.CreateClient(), "/search?q=" + Uri.EscapeDataString("粗体标签"));
        var snippet = page.QuerySelector(".result .snippet")!;
        Assert.Empty(snippet.QuerySelectorAll("b"));
        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.Contains("<b>粗体标签</b>", snippet.TextContent, StringComparison.Ordinal);
        Assert.Equal("粗体标签", snippet.QuerySelector("mark")!.TextContent);
    }
}

using StudyPortal.Data.Search;
using StudyPortal.Web.Infrastructure;

namespace StudyPortal.Web.Tests.Search;

public sealed class MarkedTextTests
{
    [Fact]
    public void Matches_BecomeMarks_AndEverythingElseIsEscaped() =>
        Assert.Equal("&lt;b&gt;<mark>网络</mark>&lt;/b&gt;与<mark>安全</mark>", MarkedText.Html("<b>网络</b>与安全", Matches.Of("<b>网络</b>与安全", ["网络", "安全"])));

    [Fact]
    public void ASnippet_SaysWhereTextWasCut()
    {
        var text = new string('前', 100) + "。网络安全" + new string('后', 200);
        var snippet = Matches.Snippet("body", 3, text, ["网络"]);

        Assert.True(snippet.CutBefore);
        Assert.True(snippet.CutAfter);
        Assert.StartsWith("…<mark>网络</mark>安全", MarkedText.Html(snippet), StringComparison.Ordinal);
        Assert.EndsWith("后…", MarkedText.Html(snippet), StringComparison.Ordinal);
    }
}

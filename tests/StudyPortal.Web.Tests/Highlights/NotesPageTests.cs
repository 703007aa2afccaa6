using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyPortal.Data;
using StudyPortal.Data.Accounts;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Highlights;

/// <summary>我的笔记: one's own items only, newest first, filtered by colour and searched by Chinese substring, linking back; exports.</summary>
[Collection(SecuredPortalCollection.Name)]
public sealed class NotesPageTests(SecuredPortalFactory factory)
{
    private async Task<HttpResponseMessage> HighlightAsync(HttpClient client, string exact, string color, string? note)
    {
        var key = await factory.SectionKeyAsync(Seeded.Quotations, "把握时代大势");
        using var scope = factory.Services.CreateScope();
        var p = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Paragraphs.Where(x => x.Section!.Key == key && x.Text.Contains(exact)).Select(x => new { x.Position, x.Text }).FirstAsync();
        var start = p.Text.IndexOf(exact, StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/highlights", UriKind.Relative))
        {
            Content = JsonContent.Create(new { sectionKey = key, paragraph = p.Position, start, end = start + exact.Length, exact, color, note }),
        };
        request.Headers.Add("RequestVerificationToken", await client.FormTokenAsync());
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task MyNotes_ListsFiltersSearchesAndExports_OnlyMine()
    {
        var me = await factory.SignedInAsync(PortalRoles.Reader);
        Assert.Equal(HttpStatusCode.Created, (await HighlightAsync(me, "深刻改变了人们的生产和生活方式", "yellow", "讨论时引用这一句")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await HighlightAsync(me, "受到的影响越来越深", "green", null)).StatusCode);

        var (_, page) = await HtmlPage.GetAsync(me, "/notes");
        Assert.Equal(["受到的影响越来越深", "深刻改变了人们的生产和生活方式"], page.Texts(".note-item blockquote"));
        var link = page.QuerySelector(".note-item .meta a")!.GetAttribute("href")!;
        Assert.Matches("^/read/[0-9a-f]{12}#p-0$", link);
        Assert.Contains("——《习近平关于建设网络强国的讲话》", page.QuerySelector(".note-item .meta a")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(["深刻改变了人们的生产和生活方式"], (await HtmlPage.GetAsync(me, "/notes?color=yellow")).Document.Texts(".note-item blockquote"));
        Assert.Equal(["深刻改变了人们的生产和生活方式"], (await HtmlPage.GetAsync(me, "/notes?q=" + Uri.EscapeDataString("时引"))).Document.Texts(".note-item blockquote"));
        Assert.Equal(["受到的影响越来越深"], (await HtmlPage.GetAsync(me, "/notes?q=" + Uri.EscapeDataString("影响"))).Document.Texts(".note-item blockquote"));
        Assert.Empty((await HtmlPage.GetAsync(me, "/notes?color=purple&q=" + Uri.EscapeDataString("不存在的词"))).Document.Texts(".note-item blockquote"));

        var markdown = await me.GetStringAsync(new Uri("/notes?handler=Markdown", UriKind.Relative));
        Assert.Contains("> 深刻改变了人们的生产和生活方式", markdown, StringComparison.Ordinal);
        Assert.Contains("**笔记**：讨论时引用这一句", markdown, StringComparison.Ordinal);
        var docx = await me.GetAsync(new Uri("/notes?handler=Docx&color=yellow", UriKind.Relative));
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
        using (var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var text = word.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("深刻改变了人们的生产和生活方式", text, StringComparison.Ordinal);
            Assert.Contains("笔记：讨论时引用这一句", text, StringComparison.Ordinal);
            Assert.DoesNotContain("受到的影响越来越深", text, StringComparison.Ordinal);
        }

        // Someone else's page and exports hold none of it; anonymous is sent to sign in.
        var other = await factory.SignedInAsync(PortalRoles.Reader);
        Assert.Empty((await HtmlPage.GetAsync(other, "/notes")).Document.Texts(".note-item blockquote"));
        Assert.DoesNotContain("深刻改变", await other.GetStringAsync(new Uri("/notes?handler=Markdown", UriKind.Relative)), StringComparison.Ordinal);
        var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(new Uri("/notes", UriKind.Relative))).StatusCode);
    }
}

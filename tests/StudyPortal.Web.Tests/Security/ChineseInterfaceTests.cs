using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using StudyPortal.Data.Accounts;
using StudyPortal.Tests;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Security;

/// <summary>
/// Every page of the Chinese interface, as each role and with data on it (a group, an assignment, a check-in, a
/// comment, notices, an upload draft), says nothing in English: each Latin word on a page must be user data (the
/// documents' own text, user names, e-mail addresses) or on a short allow-list of names that stay as they are.
/// </summary>
[Collection(SecuredPortalCollection.Name)]
public sealed partial class ChineseInterfaceTests(SecuredPortalFactory factory)
{
    /// <summary>Names a Chinese interface writes in Latin letters too.</summary>
    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        "PDF", "CSV", "XLSX", "Excel", "Word", "docx", "txt", "md", "markdown", "pdf", "UTF", "BOM", "GB", "GBK", "http", "https", "www",
        "StudyPortal", "Portal", "Access", "SecureCookies", "false", "true", "English", "Markdown", "KB", "MB",
        // The example rows of the CSV import's help: user names in pinyin, as offices write them.
        "zhangwei", "lina",
    };

    [GeneratedRegex(@"[A-Za-z][A-Za-z]+")]
    private static partial Regex LatinWord();

    private static IEnumerable<string> Words(string text) => LatinWord().Matches(text).Select(m => m.Value);

    /// <summary>What a person sees or hears: the text outside scripts and styles, the title, and the labelling attributes.</summary>
    private static string Visible(IDocument page)
    {
        foreach (var hidden in page.QuerySelectorAll("script, style, code.password, code.request-id, .language-switch, time").ToList()) hidden.Remove();
        var attributes = page.QuerySelectorAll("[title], [aria-label], [placeholder], [alt], input[type=submit][value], button[value]")
            .SelectMany(e => new[] { e.GetAttribute("title"), e.GetAttribute("aria-label"), e.GetAttribute("placeholder"), e.GetAttribute("alt") });
        // Text node by text node: adjacent cells (a user name beside the next one) must not run together into one word.
        var texts = page.Body?.Descendants<IText>().Select(t => t.Data) ?? [];
        return page.Title + "\n" + string.Join(" ", texts) + "\n" + string.Join("\n", attributes.Where(a => a is not null));
    }

    [Fact]
    public async Task EveryPage_InChinese_HasNoEnglishOutsideUserData()
    {
        // Data on the pages: a group with an assignment, a check-in with a leader's comment, notices, an upload draft.
        var story = await factory.StoryAsync();
        await story.MemberClient.ReadToTheEndAsync(story.Keys);
        await story.MemberClient.SubmitFormAsync($"/study/{story.AssignmentId}", new() { ["reflection"] = "学习心得：要学以致用。" });
        var checkIn = await factory.DbAsync(db => db.CheckIns.Where(c => c.AssignmentId == story.AssignmentId).Select(c => c.Id).SingleAsync());
        var progress = $"/leader/groups/{story.GroupId}/progress";
        await story.Leader.SubmitFormAsync(progress, new() { ["checkInId"] = checkIn.ToString(CultureInfo.InvariantCulture), ["comment"] = "很好。" }, progress + "?handler=Comment");
        var admin = await factory.AdminClientAsync();
        var token = await Accounts.TokenAsync(admin, "/admin/upload");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(File.ReadAllBytes(TestPaths.Seed("004")).Concat("\n\n（草稿）\n"u8.ToArray()).ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "files", "draft.txt");
        var uploaded = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await (await admin.PostAsync(new Uri("/admin/upload", UriKind.Relative), form)).Content.ReadAsStringAsync());
        var draft = uploaded.QuerySelector(".upload-results li.ok a")!.GetAttribute("href")!;

        var documentId = await factory.DocumentIdAsync(Seeded.Booklet);
        var quotation = await factory.DbAsync(db => db.Quotations.OrderBy(q => q.Id).Select(q => q.Id).FirstAsync());
        var userId = story.Member.Id;
        var allowed = new HashSet<string>(Allowed, StringComparer.OrdinalIgnoreCase);
        foreach (var seed in TestPaths.AllSeeds) allowed.UnionWith(Words(File.ReadAllText(seed) + " " + Path.GetFileName(seed)));
        allowed.Add("draft");
        allowed.UnionWith((await factory.DbAsync(db => db.Users.Select(u => u.UserName + " " + u.Email + " " + u.DisplayName).ToListAsync())).SelectMany(Words));

        var pages = new (HttpClient Client, string Url)[]
        {
            (factory.CreateRawClient(), "/account/signin"), (factory.CreateRawClient(), "/Error/404"), (factory.CreateRawClient(), "/Error/500"),
            (story.MemberClient, "/"), (story.MemberClient, "/study"), (story.MemberClient, $"/study/{story.AssignmentId}"), (story.MemberClient, "/notices"),
            (story.MemberClient, $"/documents/{documentId}"), (story.MemberClient, $"/read/{story.Keys[0]}"), (story.MemberClient, "/quotes"),
            (story.MemberClient, $"/quotes/{quotation}"), (story.MemberClient, "/search?q=" + Uri.EscapeDataString("网络安全")),
            (story.MemberClient, "/account/password"), (story.MemberClient, "/account/sessions"), (story.MemberClient, "/admin/documents"),
            (story.Leader, "/leader/groups"), (story.Leader, $"/leader/groups/{story.GroupId}"), (story.Leader, progress),
            (story.Leader, $"/leader/groups/{story.GroupId}/assign?document={documentId}"), (story.Leader, $"/leader/assignments/{story.AssignmentId}"),
            (story.Leader, $"/leader/groups/{story.GroupId}?remove={userId}"), (story.Leader, $"/leader/assignments/{story.AssignmentId}?withdraw=true"),
            (admin, "/"), (admin, "/admin/documents"), (admin, "/admin/upload"), (admin, draft), (admin, "/admin/users"), (admin, "/admin/users/new"),
            (admin, "/admin/users/import"), (admin, $"/admin/users/{userId}"), (admin, "/admin/audit"), (admin, $"/admin/documents/{documentId}/delete"),
        };
        var english = new List<string>();
        foreach (var (client, url) in pages)
        {
            var (_, page) = await HtmlPage.GetAsync(client, url);
            var words = Words(Visible(page)).Where(w => !allowed.Contains(w)).Distinct().ToList();
            if (words.Count > 0) english.Add($"{url}: {string.Join(", ", words)}");
        }
        Assert.True(english.Count == 0, string.Join("\n", english));
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyPortal.Benchmarks;
using StudyPortal.Data;
using StudyPortal.Data.Accounts;
using StudyPortal.Tests;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Operations;

/// <summary>A portal of its own for the load below.</summary>
public sealed class ConcurrencyPortalFactory : SecuredPortalFactory;

/// <summary>8 uploads at once while 32 readers read and search: no "database is locked" reaches anyone, every upload lands whole.</summary>
public sealed class ConcurrencyTests(ConcurrencyPortalFactory factory) : IClassFixture<ConcurrencyPortalFactory>
{
    [Fact]
    public async Task EightUploads_While32ReadersReadAndSearch()
    {
        var seeds = TestPaths.AllSeeds.Select(File.ReadAllText).ToList();
        var generator = new CorpusGenerator(seeds, 8);
        var files = Enumerable.Range(0, 8).Select(i => System.Text.Encoding.UTF8.GetBytes(generator.Booklet(400 * 1024))).ToList();
        var expected = files.Select(f => new StudyPortal.Importer.DocumentParser().Parse(f, "x.txt")).ToList();
        using var scope0 = factory.Services.CreateScope();
        var keys = await scope0.ServiceProvider.GetRequiredService<PortalDbContext>().Sections.Select(s => s.Key).Take(40).ToListAsync();

        // This test is about correctness under contention, not latency: on PostgreSQL, with the rest of the suite running
        // beside it on two cores, an upload can take longer than HttpClient's default 100 s, which would abort it.
        var wait = TimeSpan.FromMinutes(5);
        var admins = new List<HttpClient>();
        for (var i = 0; i < 8; i++) admins.Add(await factory.SignedInClientAsync(PortalFactory.AdminUserName, PortalFactory.AdminPassword, wait));
        var readers = new List<HttpClient>();
        for (var i = 0; i < 32; i++) readers.Add(await factory.SignedInClientAsync((await factory.CreateUserAsync(PortalRoles.Reader)).UserName!, timeout: wait));

        var failures = new ConcurrentBag<string>();
        var requests = 0;
        using var stop = new CancellationTokenSource();
        var reading = readers.Select((client, r) => Task.Run(async () =>
        {
            var random = new Random(r);
            while (!stop.IsCancellationRequested)
            {
                var url = random.Next(3) == 0 ? "/search?q=" + Uri.EscapeDataString(new[] { "网络", "强国", "安全", "发展" }[random.Next(4)]) : "/read/" + keys[random.Next(keys.Count)];
                var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                Interlocked.Increment(ref requests);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.OK || body.Contains("database is locked", StringComparison.OrdinalIgnoreCase))
                    failures.Add($"GET {url}: {(int)response.StatusCode}");
            }
        })).ToList();

        var uploads = admins.Select((client, i) => Task.Run(async () =>
        {
            var token = await Accounts.TokenAsync(client, "/admin/upload");
            using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
            var content = new ByteArrayContent(files[i]);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            form.Add(content, "files", $"booklet-{i}.txt");
            var response = await client.PostAsync(new Uri("/admin/upload", UriKind.Relative), form);
            var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            var preview = page.QuerySelector(".upload-results li.ok a")?.GetAttribute("href");
            if (preview is null)
            {
                failures.Add($"upload {i}: {(int)response.StatusCode}");
                return;
            }
            var confirm = await client.SubmitFormAsync(preview, new() { ["Form.Title"] = expected[i].Title }, preview + "?handler=Confirm");
            if (confirm.StatusCode != HttpStatusCode.Redirect) failures.Add($"confirm {i}: {(int)confirm.StatusCode}");
        })).ToList();

        await Task.WhenAll(uploads);
        await stop.CancelAsync();
        await Task.WhenAll(reading);

        Assert.Empty(failures);
        Assert.True(requests > 100, $"only {requests} reader requests ran alongside the uploads");
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        for (var i = 0; i < files.Count; i++)
        {
            var title = expected[i].Title;
            var sections = await db.Sections.CountAsync(s => s.Document!.Title == title);
            Assert.Equal(expected[i].AllSections.Count(), sections);
        }
    }
}

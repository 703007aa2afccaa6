using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyPortal.Data;
using StudyPortal.Data.Accounts;
using StudyPortal.Importer;
using StudyPortal.Tests;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Documents;

/// <summary>GET /api/documents/{id}: the stored tree as readers see it, in the shape of `parse --json` plus section keys.</summary>
[Collection(SecuredPortalCollection.Name)]
public sealed class DocumentApiTests(SecuredPortalFactory factory)
{
    [Theory]
    [MemberData(nameof(SeedParsingPrefixes))]
    public async Task StoredSeed_IsWhatTheParserGives_PlusItsSectionKeys(string seed)
    {
        var path = TestPaths.Seed(seed);
        int id;
        List<string> keys;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            id = await db.Documents.Where(d => d.FileName == Path.GetFileName(path)).Select(d => d.Id).SingleAsync();
            keys = await db.Sections.Where(s => s.DocumentId == id).OrderBy(s => s.Position).Select(s => s.Key).ToListAsync();
        }
        var reader = await factory.SignedInAsync(PortalRoles.Reader);
        var response = await reader.GetAsync(new Uri($"/api/documents/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var stored = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(keys, stored["articles"]!.AsArray().SelectMany(a => a!["sections"]!.AsArray()).Select(s => (string?)s!["key"]));
        foreach (var section in stored["articles"]!.AsArray().SelectMany(a => a!["sections"]!.AsArray())) section!.AsObject().Remove("key");
        var parsed = JsonNode.Parse(ParsedDocumentJson.Serialize(new DocumentParser().Parse(File.ReadAllBytes(path), Path.GetFileName(path))))!;
        foreach (var section in parsed["articles"]!.AsArray().SelectMany(a => a!["sections"]!.AsArray())) section!.AsObject().Remove("key");
        Assert.Equal(parsed.ToJsonString(), stored.ToJsonString());
    }

    public static TheoryData<string> SeedParsingPrefixes => new(["000", "001", "002", "003", "004"]);

    [Fact]
    public async Task Anonymous_IsRefused_AndAnUnknownDocumentIsNotFound()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateRawClient().GetAsync(new Uri("/api/documents/1", UriKind.Relative))).StatusCode);
        var reader = await factory.SignedInAsync(PortalRoles.Reader);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(new Uri("/api/documents/999999", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(new Uri("/api/documents/abc", UriKind.Relative))).StatusCode);
    }
}

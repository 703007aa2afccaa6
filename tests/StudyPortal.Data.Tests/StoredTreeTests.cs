using System.Text;
using System.Text.Json.Nodes;
using StudyPortal.Data.Importing;
using StudyPortal.Importer;
using StudyPortal.Tests;

namespace StudyPortal.Data.Tests;

/// <summary>Every corpus document, stored and read back, is exactly what the parser gave (plus its section keys).</summary>
public sealed class StoredTreeTests
{
    [Fact]
    public async Task EveryCorpusDocument_ReadBack_IsWhatTheParserGave()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var store = TestDatabase.Store(db);
        foreach (var document in CorpusExpectation.Documents)
        {
            var bytes = Encoding.UTF8.GetBytes(CorpusExpectation.Text(document));
            var parsed = new DocumentParser().Parse(bytes, Path.GetFileName(document));
            var result = await store.StoreAsync(parsed, bytes, "test");
            // Two corpus documents share a title (2024年3月学习材料): the second replaces the first, which is as good a round trip.
            Assert.Contains(result.Status, new[] { ImportStatus.Imported, ImportStatus.Replaced });

            var stored = await StoredTree.LoadAsync(db, result.DocumentId, CancellationToken.None);
            Assert.NotNull(stored);
            Assert.Equal(parsed.AllSections.Count(), stored.SectionKeys.Distinct().Count());
            Assert.Equal(Normalised(ParsedDocumentJson.Serialize(parsed)), Normalised(ParsedDocumentJson.Serialize(stored.Document)));
        }
    }

    private static string Normalised(string json)
    {
        var node = JsonNode.Parse(json)!;
        foreach (var section in node["articles"]!.AsArray().SelectMany(a => a!["sections"]!.AsArray())) section!.AsObject().Remove("key");
        return node.ToJsonString();
    }
}

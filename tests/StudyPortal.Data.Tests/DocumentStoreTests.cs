using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using StudyPortal.Data.Importing;
using StudyPortal.Importer;
using StudyPortal.Tests;

namespace StudyPortal.Data.Tests;

public sealed class DocumentStoreTests
{
    private static byte[] Seed(string prefix) => File.ReadAllBytes(TestPaths.Seed(prefix));

    [Theory]
    [InlineData(true, "预览中改过的标题")]
    [InlineData(false, "编辑测试资料")]
    public async Task Reimport_KeepsTheTitleBlockSetInThePreview_UnlessEverythingIsReplaced(bool keep, string title)
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var bytes = Encoding.UTF8.GetBytes(EditingFixture.Markdown("编辑测试资料"));
        var previewed = new DocumentParser().Parse(bytes, "a.md") with { Title = "预览中改过的标题", Series = "学习丛书" };
        var stored = await TestDatabase.Store(db).StoreAsync(previewed, bytes, "admin");

        var reimported = await database.Importer(db).ReimportAsync(stored.DocumentId, "admin", keep);

        Assert.Equal((ImportStatus.Replaced, title), (reimported.Outcome!.Status, reimported.Outcome.Title));
        Assert.Equal(keep ? "学习丛书" : null, await db.Documents.Where(d => d.Id == stored.DocumentId).Select(d => d.Series).SingleAsync());
    }

    [Fact]
    public async Task Store_WhoseExpectedDocumentIsNotTheOneOfThatTitle_StoresNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var store = TestDatabase.Store(db);
        var first = Encoding.UTF8.GetBytes("# 同名资料\n\n## 一\n\n第一份正文，内容足够长，可以成为一个段落。\n");
        var second = Encoding.UTF8.GetBytes("# 同名资料\n\n## 一\n\n第二份正文，内容完全不同，也足够长，可以成为段落。\n");
        var stored = await store.StoreAsync(new DocumentParser().Parse(first, "a.md"), first, "a", expectedDocumentId: 0);
        Assert.Equal(ImportStatus.Imported, stored.Status);

        // The preview saw no document of this title (0); one is there now: a conflict naming it, nothing replaced.
        var conflict = await store.StoreAsync(new DocumentParser().Parse(second, "b.md"), second, "b", expectedDocumentId: 0);
        Assert.Equal((ImportStatus.Conflict, stored.DocumentId), (conflict.Status, conflict.DocumentId));
        Assert.Equal(DocumentStore.ContentHash(first), await db.Documents.Select(d => d.ContentHash).SingleAsync());

        var replaced = await store.StoreAsync(new DocumentParser().Parse(second, "b.md"), second, "b", expectedDocumentId: stored.DocumentId);
        Assert.Equal((ImportStatus.Replaced, stored.DocumentId), (replaced.Status, replaced.DocumentId));
    }

    [Fact]
    public async Task Store_KeepsOriginalBytesHashEncodingAndDiagnostics()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var bytes = Seed("000");
        var outcome = await TestDatabase.Store(db).StoreAsync(new DocumentParser().Parse(bytes, "000.txt"), bytes, "tester");

        Assert.Equal(ImportStatus.Imported, outcome.Status);
        Assert.Equal((3, 3), (outcome.Articles, outcome.Quotations));
        var document = await db.Documents.Include(d => d.File).SingleAsync();
        Assert.Equal(bytes, document.File!.Content);
        Assert.Equal(DocumentStore.ContentHash(bytes), document.ContentHash);
        Assert.Equal("UTF-8", document.Encoding);
        Assert.Equal("tester", document.ImportedBy);
        Assert.Contains("Table of contents", document.DiagnosticsJson, StringComparison.Ordinal);
        Assert.Contains("目 录", document.DroppedJson, StringComparison.Ordinal);
        Assert.Equal(outcome.Sections, await db.Sections.Select(s => s.Key).Distinct().CountAsync());
        var quotation = await db.Quotations.Include(q => q.Paragraph).FirstAsync(q => q.Date == "2012-12");
        Assert.Contains(quotation.Text, quotation.Paragraph!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameContentAgain_ChangesNothing_AndSaysSo()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var importer = database.Importer(db);
        var first = await importer.ImportFileAsync(TestPaths.Seed("003"), "a");
        var before = await db.Sections.OrderBy(s => s.Id).Select(s => new { s.Id, s.Key }).ToListAsync();
        var second = await importer.ImportFileAsync(TestPaths.Seed("003"), "b");

        Assert.Equal(ImportStatus.Unchanged, second.Outcome!.Status);
        Assert.Equal(first.Outcome!.DocumentId, second.Outcome.DocumentId);
        Assert.Equal(before, await db.Sections.OrderBy(s => s.Id).Select(s => new { s.Id, s.Key }).ToListAsync());
        Assert.Equal("a", await db.Documents.Select(d => d.ImportedBy).SingleAsync());
    }

    [Fact]
    public async Task ChangedVersion_ReplacesStructure_KeepingKeysOfUnchangedSections()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var importer = database.Importer(db);
        var original = Encoding.UTF8.GetString(Seed("003"));
        await importer.ImportBytesAsync(Encoding.UTF8.GetBytes(original), "003.txt", "a");
        var keysBefore = await db.Sections.OrderBy(s => s.Position).Select(s => new { s.Heading, s.Key }).ToListAsync();

        // An editor fixes one passage and renames one theme.
        var changed = original.Replace("深刻改变了人们的生产和生活方式", "深刻改变了人们的生产生活方式", StringComparison.Ordinal)
            .Replace("**培养网信人才**", "**培养造就网信人才**", StringComparison.Ordinal);
        var outcome = (await importer.ImportBytesAsync(Encoding.UTF8.GetBytes(changed), "003-v2.txt", "b")).Outcome!;

        Assert.Equal(ImportStatus.Replaced, outcome.Status);
        Assert.Equal(1, await db.Documents.CountAsync());
        var keysAfter = await db.Sections.OrderBy(s => s.Position).Select(s => new { s.Heading, s.Key }).ToListAsync();
        Assert.Equal(keysBefore.Count, keysAfter.Count);
        foreach (var before in keysBefore.Where(k => k.Heading != "培养网信人才"))
            Assert.Contains(keysAfter, a => a.Key == before.Key && a.Heading == before.Heading);
        Assert.DoesNotContain(keysAfter, a => a.Key == keysBefore.Single(k => k.Heading == "培养网信人才").Key);
        Assert.Equal(18, await db.Quotations.CountAsync());
        Assert.Contains("生产生活方式", (await db.Paragraphs.Select(p => p.Text).ToListAsync()).Single(t => t.StartsWith("信息化和经济全球化", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailureDuringStore_LeavesTheDatabaseAsItWas()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
            await database.Importer(db).ImportFileAsync(TestPaths.Seed("002"), "a");

        // The database refuses the quotations (as a full disk would), after articles, sections and paragraphs went in.
        await using (var failing = database.CreateContext())
        {
            await failing.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse BEFORE INSERT ON \"Quotations\" BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;");
            var bytes = Seed("003");
            var error = await Assert.ThrowsAnyAsync<DbException>(() =>
                TestDatabase.Store(failing).StoreAsync(new DocumentParser().Parse(bytes, "003.txt"), bytes, "b"));
            Assert.Contains("disk is full", error.Message, StringComparison.Ordinal);
            await failing.Database.ExecuteSqlRawAsync("DROP TRIGGER refuse;");
        }

        await using var check = database.CreateContext();
        Assert.Equal(["阔步迈向网络强国"], await check.Documents.Select(d => d.Title).ToListAsync());
        Assert.Equal(0, await check.Quotations.CountAsync(q => q.Document!.Title != "阔步迈向网络强国"));
        Assert.Equal(await check.Sections.CountAsync(), await check.Sections.CountAsync(s => s.Document!.Title == "阔步迈向网络强国"));
    }

    [Fact]
    public async Task SameSectionTextInTwoDocuments_GetsDistinctKeys()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var importer = database.Importer(db);
        var text = Encoding.UTF8.GetString(Seed("003"));
        await importer.ImportBytesAsync(Encoding.UTF8.GetBytes(text), "a.txt", "a");
        // Same title and sections, different bytes: it replaces; a different title with the same sections is a second document.
        await importer.ImportBytesAsync(Encoding.UTF8.GetBytes(text.Replace("# 习近平关于建设网络强国的讲话", "# 习近平关于建设网络强国的讲话（摘编）", StringComparison.Ordinal)), "b.txt", "a");
        Assert.Equal(2, await db.Documents.CountAsync());
        Assert.Equal(await db.Sections.CountAsync(), await db.Sections.Select(s => s.Key).Distinct().CountAsync());
    }

    [Fact]
    public async Task Delete_RemovesTheDocumentAndEverythingUnderIt()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var outcome = (await database.Importer(db).ImportFileAsync(TestPaths.Seed("000"), "a")).Outcome!;
        Assert.True(await TestDatabase.Store(db).DeleteAsync(outcome.DocumentId));
        Assert.Equal(0, await db.Sections.CountAsync() + await db.Paragraphs.CountAsync() + await db.Quotations.CountAsync() + await db.DocumentFiles.CountAsync());
    }
}

/// <summary>A folder import takes every format the parser reads, and nothing else.</summary>
public sealed class FolderImportTests
{
    [Fact]
    public void AFolder_GivesItsTextMarkdownWordAndPdfFiles_InNameOrder()
    {
        var folder = Directory.CreateTempSubdirectory("studyportal-folder-").FullName;
        try
        {
            foreach (var name in new[] { "b.docx", "a.txt", "c.pdf", "d.md", "e.png", "f.markdown", "g.DOCX", "notes.tmp" })
                File.WriteAllText(Path.Combine(folder, name), "x");

            var files = StudyPortal.Data.Importing.DocumentImporter.Expand([folder]).Select(Path.GetFileName).ToList();

            Assert.Equal(["a.txt", "b.docx", "c.pdf", "d.md", "f.markdown", "g.DOCX"], files);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

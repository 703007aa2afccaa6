using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using StudyPortal.Data.Accounts;
using StudyPortal.Data.Editing;
using StudyPortal.Data.Highlights;
using StudyPortal.Data.Search;
using StudyPortal.Importer;
using StudyPortal.Importer.Editing;

namespace StudyPortal.Data.Tests.Highlights;

/// <summary>Highlights follow their text through a replacement and an edit; the ones whose text is gone are kept as orphaned.</summary>
public sealed class HighlightAnchorsTests : IAsyncLifetime
{
    private const string Before = """
        # 标注测试资料

        ## 第一节

        第一段，学习贯彻党的二十大精神，推动高质量发展。

        第二段，坚持以人民为中心的发展思想。

        ## 第二节

        第三段，加强网络安全保障体系建设。

        第四段，这一段在新版本里被删掉了。
        """;

    // The first paragraph gets a new one before it and a changed ending; the second moves to the other section; the fourth is gone.
    private const string After = """
        # 标注测试资料

        ## 第一节

        新版本在最前面加了一段。

        第一段，学习贯彻党的二十大精神，推动高质量发展！

        ## 第二节

        第三段，加强网络安全保障体系建设。

        第二段，坚持以人民为中心的发展思想。
        """;

    private TestDatabase _database = null!;
    private PortalDbContext _db = null!;
    private int _documentId;
    private string _userId = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _db = _database.CreateContext();
        _documentId = (await StoreAsync(Before, null)).DocumentId;
        var user = new PortalUser { UserName = "reader", NormalizedUserName = "READER", DisplayName = "读者", SecurityStamp = "s" };
        _db.Users.Add(user);
        await _db.SaveChangesAsync();
        _userId = user.Id;
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<Importing.ImportOutcome> StoreAsync(string markdown, int? replace)
    {
        var bytes = Encoding.UTF8.GetBytes(markdown);
        return await TestDatabase.Store(_db).StoreAsync(new DocumentParser().Parse(bytes, "highlights.md"), bytes, "admin", replace);
    }

    private async Task<string> KeyAsync(string heading) =>
        await _db.Sections.Where(s => s.DocumentId == _documentId && s.Heading == heading).Select(s => s.Key).SingleAsync();

    private async Task<Highlight> MarkAsync(string heading, string exact)
    {
        var key = await KeyAsync(heading);
        var paragraph = (await _db.Paragraphs.Where(p => p.Section!.Key == key).ToListAsync()).Single(p => p.Text.Contains(exact, StringComparison.Ordinal));
        var start = paragraph.Text.IndexOf(exact, StringComparison.Ordinal);
        var (prefix, suffix) = TextQuote.Context(paragraph.Text, start, start + exact.Length);
        var highlight = new Highlight
        {
            UserId = _userId, DocumentId = _documentId, SectionKey = key, Paragraph = paragraph.Position, Start = start, End = start + exact.Length,
            Exact = exact, Prefix = prefix, Suffix = suffix, Color = HighlightColor.Yellow, Note = "笔记：" + exact,
        };
        _db.Highlights.Add(highlight);
        await _db.SaveChangesAsync();
        return highlight;
    }

    private async Task<Highlight> ReloadAsync(Highlight highlight) => await _db.Highlights.AsNoTracking().SingleAsync(h => h.Id == highlight.Id);

    private async Task<string> TextAtAsync(Highlight h) =>
        (await _db.Paragraphs.SingleAsync(p => p.Section!.Key == h.SectionKey && p.Position == h.Paragraph)).Text[h.Start..h.End];

    [Fact]
    public async Task AReplacementThatChangesMovesAndDeletesTheParagraphs_ReanchorsByTheQuote_AndKeepsTheLostOneAsOrphaned()
    {
        var changed = await MarkAsync("第一节", "推动高质量发展");
        var moved = await MarkAsync("第一节", "以人民为中心");
        var deleted = await MarkAsync("第二节", "这一段在新版本里被删掉了");

        Assert.Equal(Importing.ImportStatus.Replaced, (await StoreAsync(After, _documentId)).Status);

        var c = await ReloadAsync(changed);
        Assert.Null(c.OrphanedAtUtc);
        Assert.Equal((await KeyAsync("第一节"), 1), (c.SectionKey, c.Paragraph));
        Assert.Equal("推动高质量发展", await TextAtAsync(c));

        var m = await ReloadAsync(moved);
        Assert.Null(m.OrphanedAtUtc);
        Assert.Equal(await KeyAsync("第二节"), m.SectionKey);
        Assert.Equal("以人民为中心", await TextAtAsync(m));

        var d = await ReloadAsync(deleted);
        Assert.NotNull(d.OrphanedAtUtc);
        Assert.Equal(("这一段在新版本里被删掉了", "笔记：这一段在新版本里被删掉了"), (d.Exact, d.Note));

        // The old text back: the orphan is found again.
        await StoreAsync(Before, _documentId);
        Assert.Null((await ReloadAsync(deleted)).OrphanedAtUtc);
    }

    [Fact]
    public async Task DeletingTheParagraphInTheEditor_OrphansTheHighlight_AndUndoFindsItAgain()
    {
        var marked = await MarkAsync("第二节", "网络安全");
        var editor = new DocumentEditor(_db, TestDatabase.Store(_db), new SqliteSearchIndex(_db), TimeProvider.System, new LibraryVersion(), NullLogger<DocumentEditor>.Instance);
        var revision = await _db.Documents.Where(x => x.Id == _documentId).Select(x => x.Revision).SingleAsync();
        var outcome = await editor.ApplyAsync(_documentId, revision,
            new StructureEdit(EditKind.DeleteParagraph) { Section = marked.SectionKey, Paragraph = marked.Paragraph, Expected = "第三段，加强网络安全保障体系建设。" }, "admin");
        Assert.Equal(EditStatus.Applied, outcome.Status);
        Assert.NotNull((await ReloadAsync(marked)).OrphanedAtUtc);

        revision = await _db.Documents.Where(x => x.Id == _documentId).Select(x => x.Revision).SingleAsync();
        Assert.Equal(EditStatus.Applied, (await editor.UndoAsync(_documentId, revision, "admin")).Status);
        var back = await ReloadAsync(marked);
        Assert.Null(back.OrphanedAtUtc);
        Assert.Equal("网络安全", await TextAtAsync(back));
    }

    [Fact]
    public async Task DeletingTheDocument_KeepsItsHighlightsAsOrphaned()
    {
        var marked = await MarkAsync("第一节", "以人民为中心");
        Assert.True(await TestDatabase.Store(_db).DeleteAsync(_documentId));
        var kept = await ReloadAsync(marked);
        Assert.NotNull(kept.OrphanedAtUtc);
        Assert.Null(kept.DocumentId);
        Assert.Equal("笔记：以人民为中心", kept.Note);
    }
}

using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using StudyPortal.Data.Editing;
using StudyPortal.Data.Library;
using StudyPortal.Data.Importing;
using StudyPortal.Data.Search;
using StudyPortal.Importer;
using StudyPortal.Importer.Editing;
using StudyPortal.Importer.Model;
using StudyPortal.Tests;

namespace StudyPortal.Data.Tests;

/// <summary>Corrections on a stored document: what each does to the tree, keys kept, refusals, conflicts, undo, re-import.</summary>
public sealed class DocumentEditorTests : IAsyncLifetime
{
    private static readonly string Source = EditingFixture.Markdown("编辑测试资料");

    private TestDatabase _database = null!;
    private PortalDbContext _db = null!;
    private int _documentId;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _db = _database.CreateContext();
        var bytes = Encoding.UTF8.GetBytes(Source);
        _documentId = (await TestDatabase.Store(_db).StoreAsync(new DocumentParser().Parse(bytes, "edit.md"), bytes, "admin")).DocumentId;
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        await _database.DisposeAsync();
    }

    private DocumentEditor Editor() =>
        new(_db, TestDatabase.Store(_db), new SqliteSearchIndex(_db), TimeProvider.System, new LibraryVersion(), NullLogger<DocumentEditor>.Instance);

    private Task<StoredTree.Stored> TreeAsync() => StoredTree.LoadAsync(_db, _documentId, CancellationToken.None)!;

    private async Task<int> RevisionAsync() => await _db.Documents.Where(d => d.Id == _documentId).Select(d => d.Revision).SingleAsync();

    private async Task<EditOutcome> ApplyAsync(StructureEdit edit) => await Editor().ApplyAsync(_documentId, await RevisionAsync(), edit, "admin");

    private async Task<string> KeyOfAsync(string heading)
    {
        var tree = await TreeAsync();
        return tree.SectionKeys[tree.Document.AllSections.ToList().FindIndex(s => s.Heading == heading)];
    }

    [Fact]
    public async Task SplittingAtAParagraph_MakesItTheHeading_KeepsEveryOtherKey_AndSearchFindsTheNewSection()
    {
        var before = await TreeAsync();
        var first = await KeyOfAsync("一、总体要求");
        var outcome = await ApplyAsync(new StructureEdit(EditKind.ParagraphToHeading) { Section = first, Paragraph = 2, Expected = "第三段，要坚持以人民为中心的发展思想。" });

        Assert.Equal(EditStatus.Applied, outcome.Status);
        var after = await TreeAsync();
        var sections = after.Document.AllSections.ToList();
        Assert.Equal(["一、总体要求", "第三段，要坚持以人民为中心的发展思想。", "二、主要任务", "三、发展目标"], sections.Select(s => s.Heading));
        Assert.Equal(2, sections[0].Paragraphs.Count);
        Assert.Empty(sections[1].Paragraphs);
        Assert.Equal(before.SectionKeys, after.SectionKeys.Where((_, i) => i != 1));
        Assert.Equal(outcome.Section, after.SectionKeys[1]);

        var hits = await new SqliteSearchIndex(_db).SearchAsync(new SearchRequest("第三段"), CancellationToken.None);
        Assert.Equal(after.SectionKeys[1], Assert.Single(hits.Sections).SectionKey);
    }

    [Fact]
    public async Task EveryRefusal_ChangesNothing_AndSaysWhy()
    {
        var first = await KeyOfAsync("一、总体要求");
        var tasks = await KeyOfAsync("二、主要任务");
        var tree = await TreeAsync();
        var revision = await RevisionAsync();
        (StructureEdit Edit, string Code)[] refused =
        [
            (new StructureEdit(EditKind.RenameSection) { Section = first, Text = "  \t " }, "EmptyHeading"),
            (new StructureEdit(EditKind.SplitSection) { Section = first, Paragraph = 0, Expected = "第一段，关于改革的总体要求，必须坚定不移。", Text = "新标题" }, "SplitAtFirst"),
            (new StructureEdit(EditKind.MergeSection) { Section = first }, "NothingBefore"),
            (new StructureEdit(EditKind.MergeArticle) { Article = 0, Expected = "第一篇 改革开放" }, "NothingBefore"),
            (new StructureEdit(EditKind.MarkQuotation) { Section = tasks, Paragraph = 0, Expected = "任务段落一，深化重点领域改革。", Date = "2023年13月1日" }, "BadDate"),
            (new StructureEdit(EditKind.Metadata) { Text = "编辑测试资料", Date = "明天" }, "BadDate"),
            (new StructureEdit(EditKind.EditParagraph) { Section = tasks, Paragraph = 1, Expected = "任务段落二，扩大高水平对外开放。", Text = "\u0001 \n" }, "EmptyParagraph"),
            (new StructureEdit(EditKind.DeleteParagraph) { Section = tasks, Paragraph = 1, Expected = "别的文字" }, "ParagraphGone"),
            (new StructureEdit(EditKind.RenameSection) { Section = "000000000000", Text = "标题" }, "SectionGone"),
            (new StructureEdit(EditKind.MoveSection) { Section = tasks, TargetArticle = 0 }, "NoSuchArticle"),
        ];
        foreach (var (edit, code) in refused)
        {
            var outcome = await Editor().ApplyAsync(_documentId, revision, edit, "admin");
            Assert.Equal((EditStatus.Invalid, code), (outcome.Status, outcome.ErrorCode));
        }
        Assert.Equal(revision, await RevisionAsync());
        Assert.Equal(ParsedDocumentJson.Serialize(tree.Document, tree.SectionKeys), ParsedDocumentJson.Serialize((await TreeAsync()).Document, (await TreeAsync()).SectionKeys));
        Assert.Empty(await _db.DocumentEdits.ToListAsync());
    }

    [Fact]
    public async Task AnEditOnAnOlderRevision_IsRefused_WithWhatChangedSince()
    {
        var first = await KeyOfAsync("一、总体要求");
        var loaded = await RevisionAsync();
        Assert.Equal(EditStatus.Applied, (await Editor().ApplyAsync(_documentId, loaded, new StructureEdit(EditKind.RenameSection) { Section = first, Text = "一、总的要求" }, "甲")).Status);

        var late = await Editor().ApplyAsync(_documentId, loaded, new StructureEdit(EditKind.RenameSection) { Section = first, Text = "一、别的标题" }, "乙");

        Assert.Equal(EditStatus.Conflict, late.Status);
        var change = Assert.Single(late.Changes!);
        Assert.Equal(("甲", "一、总体要求", "一、总的要求"), (change.UserName, change.Before, change.After));
        Assert.Equal("一、总的要求", (await TreeAsync()).Document.AllSections.First().Heading);
    }

    [Fact]
    public async Task EveryOperation_Applies_AndUndoingThemAll_GivesTheImportBack()
    {
        var original = await TreeAsync();
        var first = await KeyOfAsync("一、总体要求");
        var tasks = await KeyOfAsync("二、主要任务");
        var goals = await KeyOfAsync("三、发展目标");
        StructureEdit[] edits =
        [
            new(EditKind.Metadata) { Text = "编辑后的资料", Series = "学习丛书", Issuer = "中共某某委员会", Date = "2024年3月5日" },
            new(EditKind.RenameArticle) { Article = 1, Expected = "第二篇 高质量发展", Text = "第二篇 推动高质量发展" },
            new(EditKind.RenameSection) { Section = tasks, Text = "二、重点任务" },
            new(EditKind.SplitSection) { Section = first, Paragraph = 1, Expected = "第二段，继续阐述要求，推进各项工作。", Text = "（二）具体要求" },
            new(EditKind.EditParagraph) { Section = tasks, Paragraph = 0, Expected = "任务段落一，深化重点领域改革。", Text = "任务段落一，全面深化重点领域改革。" },
            new(EditKind.MarkQuotation) { Section = goals, Paragraph = 0, Expected = "发展段落，推动经济实现质的有效提升和量的合理增长。", Speaker = "习近平", Date = "2023-03-05", Occasion = "在江苏代表团参加审议时" },
            new(EditKind.EditQuotation) { Section = goals, Paragraph = 0, Expected = "发展段落，推动经济实现质的有效提升和量的合理增长。", Speaker = "习近平", Date = "2023年3月5日", Occasion = "参加审议时" },
            new(EditKind.DeleteParagraph) { Section = tasks, Paragraph = 1, Expected = "任务段落二，扩大高水平对外开放。" },
            new(EditKind.MoveSection) { Section = goals, TargetArticle = 0 },
            new(EditKind.SplitArticle) { Section = tasks, Text = "第三篇 重点任务" },
            new(EditKind.MergeArticle) { Article = 1, Expected = "第三篇 重点任务" },
            new(EditKind.HeadingToParagraph) { Section = tasks },
            new(EditKind.UnmarkQuotation) { Section = goals, Paragraph = 0, Expected = "发展段落，推动经济实现质的有效提升和量的合理增长。" },
            new(EditKind.MergeSection) { Section = goals },
        ];
        foreach (var edit in edits)
        {
            var outcome = await ApplyAsync(edit);
            Assert.True(outcome.Status == EditStatus.Applied, $"{edit.Kind}: {outcome.Status} {outcome.ErrorCode}");
        }
        var edited = await TreeAsync();
        Assert.Equal("编辑后的资料", edited.Document.Title);
        Assert.Equal(new PartialDate(2024, 3, 5), edited.Document.Date);
        Assert.Equal(["第一篇 改革开放"], edited.Document.Articles.Select(a => a.Title));
        Assert.Equal(["一、总体要求", "（二）具体要求"], edited.Document.AllSections.Select(s => s.Heading));

        for (var i = 0; i < 40 && (await Editor().UndoAsync(_documentId, await RevisionAsync(), "admin")).Status == EditStatus.Applied; i++) { }
        var undone = await TreeAsync();
        Assert.Equal(ParsedDocumentJson.Serialize(original.Document, original.SectionKeys), ParsedDocumentJson.Serialize(undone.Document, undone.SectionKeys));
        Assert.Equal(0, await _db.Quotations.CountAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReplacingACorrectedDocument_KeepsTheCorrectionsWhoseTextIsUnchanged_OrDropsThemAll(bool keep)
    {
        var tasks = await KeyOfAsync("二、主要任务");
        var keys = (await TreeAsync()).SectionKeys;
        await ApplyAsync(new StructureEdit(EditKind.Metadata) { Text = "改过的标题" });
        await ApplyAsync(new StructureEdit(EditKind.RenameSection) { Section = tasks, Text = "二、重点任务" });
        await ApplyAsync(new StructureEdit(EditKind.EditParagraph) { Section = tasks, Paragraph = 0, Expected = "任务段落一，深化重点领域改革。", Text = "任务段落一，全面深化改革。" });
        await ApplyAsync(new StructureEdit(EditKind.DeleteParagraph) { Section = tasks, Paragraph = 1, Expected = "任务段落二，扩大高水平对外开放。" });

        // The new file changed the paragraph the deletion was made on: that correction cannot be kept.
        var bytes = Encoding.UTF8.GetBytes(Source.Replace("任务段落二，扩大高水平对外开放。", "任务段落二，稳步扩大制度型开放。", StringComparison.Ordinal));
        var outcome = await TestDatabase.Store(_db).StoreAsync(new DocumentParser().Parse(bytes, "edit.md"), bytes, "admin", keepCorrections: keep);

        Assert.Equal((ImportStatus.Replaced, _documentId), (outcome.Status, outcome.DocumentId));
        var tree = await TreeAsync();
        Assert.Equal(keys, tree.SectionKeys);
        var section = tree.Document.AllSections.ElementAt(1);
        if (keep)
        {
            Assert.Equal((3, 1), (outcome.CorrectionsKept, outcome.CorrectionsDropped));
            Assert.Equal("改过的标题", tree.Document.Title);
            Assert.Equal("二、重点任务", section.Heading);
            Assert.Equal(["任务段落一，全面深化改革。", "任务段落二，稳步扩大制度型开放。"], section.Paragraphs.Select(p => p.Text));
            Assert.Equal(3, await _db.DocumentEdits.CountAsync(e => e.Kind != DocumentEdit.ReplaceKind));
        }
        else
        {
            Assert.Equal((0, 4), (outcome.CorrectionsKept, outcome.CorrectionsDropped));
            Assert.Equal("编辑测试资料", tree.Document.Title);
            Assert.Equal("二、主要任务", section.Heading);
            Assert.Equal(0, await _db.DocumentEdits.CountAsync(e => e.Kind != DocumentEdit.ReplaceKind));
        }
        // Undo does not reach back past a replacement.
        var undo = await Editor().UndoAsync(_documentId, await RevisionAsync(), "admin");
        Assert.Equal((EditStatus.Invalid, "NothingToUndo"), (undo.Status, undo.ErrorCode));
    }

    [Fact]
    public async Task ADeletedParagraph_IsRestoredWhereItWas_AndOnlyOnce()
    {
        var first = await KeyOfAsync("一、总体要求");
        await ApplyAsync(new StructureEdit(EditKind.DeleteParagraph) { Section = first, Paragraph = 1, Expected = "第二段，继续阐述要求，推进各项工作。" });
        var deletion = await _db.DocumentEdits.SingleAsync();

        Assert.Equal(EditStatus.Applied, (await Editor().RestoreAsync(_documentId, await RevisionAsync(), deletion.Id, "admin")).Status);
        var again = await Editor().RestoreAsync(_documentId, await RevisionAsync(), deletion.Id, "admin");

        Assert.Equal((EditStatus.Invalid, "NothingToRestore"), (again.Status, again.ErrorCode));
        Assert.Equal(3, (await TreeAsync()).Document.AllSections.First().Paragraphs.Count);
        Assert.Equal("第二段，继续阐述要求，推进各项工作。", (await TreeAsync()).Document.AllSections.First().Paragraphs[1].Text);
    }

    [Fact]
    public async Task ALongEditWithEmoji_IsAuditedWithoutHalfACharacter()
    {
        var first = await KeyOfAsync("一、总体要求");
        var text = new string('字', 199) + "😀" + "结尾的文字";
        Assert.Equal(EditStatus.Applied, (await ApplyAsync(new StructureEdit(EditKind.EditParagraph) { Section = first, Paragraph = 0, Expected = "第一段，关于改革的总体要求，必须坚定不移。", Text = text })).Status);

        var details = await _db.AuditEntries.Where(e => e.Action == "edit.EditParagraph").Select(e => e.Details!).SingleAsync();
        Assert.DoesNotContain(details, char.IsSurrogate);
        Assert.Equal(text, (await TreeAsync()).Document.AllSections.First().Paragraphs[0].Text);
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using StudyPortal.Data.Accounts;
using StudyPortal.Data.Library;
using StudyPortal.Data.Importing;
using StudyPortal.Data.Search;
using StudyPortal.Importer.Editing;

namespace StudyPortal.Data.Editing;

public enum EditStatus
{
    Applied,
    NotFound,
    /// <summary>The edit itself is wrong (an empty heading, a date that is not one): <see cref="EditOutcome.ErrorCode"/> says why.</summary>
    Invalid,
    /// <summary>The document changed since the editor loaded it: <see cref="EditOutcome.Changes"/> says how.</summary>
    Conflict,
}

/// <summary>What one correction did; on a conflict, the steps taken since the revision the editor had.</summary>
public sealed record EditOutcome(EditStatus Status, int Revision, string? Section = null, string? ErrorCode = null, IReadOnlyList<DocumentEdit>? Changes = null);

/// <summary>
/// Applies an admin's corrections to a stored document: one transaction per edit, on the revision the admin saw
/// (optimistic concurrency), rewriting the document's rows with the keys of untouched sections kept, re-indexing it
/// for search, recording the step (with the tree before it, for undo) and an audit entry, and telling the readers'
/// caches. Structure rows are rewritten whole: an edit is rare, and one path that writes a tree is easier to trust
/// than a patch per operation.
/// </summary>
public sealed class DocumentEditor(PortalDbContext db, DocumentStore store, ISearchIndex search, TimeProvider time, LibraryVersion version, ILogger<DocumentEditor> logger)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Corrections that stand: not undone, not undo steps, not replacements. A re-import replays these.</summary>
    public static IQueryable<DocumentEdit> Standing(IQueryable<DocumentEdit> edits) =>
        edits.Where(e => e.UndoneAtUtc == null && e.Kind != DocumentEdit.UndoKind && e.Kind != DocumentEdit.ReplaceKind);

    public static StructureEdit Read(DocumentEdit edit) => JsonSerializer.Deserialize<StructureEdit>(edit.EditJson, Json)!;

    public Task<EditOutcome> ApplyAsync(int documentId, int basedOnRevision, StructureEdit edit, string userName, CancellationToken cancellationToken = default) =>
        ChangeAsync(documentId, basedOnRevision, userName, async (document, tree) =>
        {
            if (edit.Kind == EditKind.RestoreParagraph) throw new InvalidOperationException("Restore a deletion with RestoreAsync.");
            // A deletion remembers what kind of paragraph it took, so that restoring it gives it back as it was.
            if (edit.Kind == EditKind.DeleteParagraph && edit.Section is not null && edit.Paragraph is int at)
                edit = edit with { ParagraphKind = tree.AllSections.FirstOrDefault(s => s.Key == edit.Section)?.Paragraphs.ElementAtOrDefault(at)?.Kind };
            return await Task.FromResult(Step(tree.Apply(edit), edit, null));
        }, cancellationToken);

    /// <summary>Puts back a paragraph an earlier step deleted.</summary>
    public Task<EditOutcome> RestoreAsync(int documentId, int basedOnRevision, long deletionId, string userName, CancellationToken cancellationToken = default) =>
        ChangeAsync(documentId, basedOnRevision, userName, async (document, tree) =>
        {
            var deletion = await db.DocumentEdits.FirstOrDefaultAsync(e => e.Id == deletionId && e.DocumentId == document.Id
                && e.Kind == nameof(EditKind.DeleteParagraph) && e.UndoneAtUtc == null, cancellationToken);
            if (deletion is null || await db.DocumentEdits.AnyAsync(e => e.Restores == deletionId && e.UndoneAtUtc == null, cancellationToken))
                throw new StructureEditException("NothingToRestore", "The paragraph is not among the deleted ones.");
            var deleted = Read(deletion);
            var edit = new StructureEdit(EditKind.RestoreParagraph)
            {
                Section = deleted.Section, Paragraph = deleted.Paragraph, Text = deleted.Expected, ParagraphKind = deleted.ParagraphKind,
            };
            return Step(tree.Apply(edit), edit, deletionId);
        }, cancellationToken);

    /// <summary>Undoes the latest step not yet undone: the tree goes back to what it was before it.</summary>
    public Task<EditOutcome> UndoAsync(int documentId, int basedOnRevision, string userName, CancellationToken cancellationToken = default) =>
        ChangeAsync(documentId, basedOnRevision, userName, async (document, tree) =>
        {
            var last = await db.DocumentEdits.Where(e => e.DocumentId == document.Id && e.Kind != DocumentEdit.UndoKind && e.UndoneAtUtc == null)
                .OrderByDescending(e => e.Revision).FirstOrDefaultAsync(cancellationToken);
            if (last?.SnapshotJson is null) throw new StructureEditException("NothingToUndo", "There is no step to undo.");
            var before = JsonSerializer.Deserialize<EditableDocument>(last.SnapshotJson, Json)!;
            last.UndoneAtUtc = time.GetUtcNow().UtcDateTime;
            return new PendingStep(before, DocumentEdit.UndoKind, "{}", new EditChange(last.After, last.Before, last.Section), null);
        }, cancellationToken);

    private sealed record PendingStep(EditableDocument? Replacement, string Kind, string EditJson, EditChange Change, long? Restores);

    private static PendingStep Step(EditChange change, StructureEdit edit, long? restores) =>
        new(null, edit.Kind.ToString(), JsonSerializer.Serialize(edit, Json), change, restores);

    private async Task<EditOutcome> ChangeAsync(int documentId, int basedOnRevision, string userName,
        Func<Document, EditableDocument, Task<PendingStep>> change, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.LockLibraryAsync(cancellationToken);
            var document = await db.Documents.FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken);
            if (document is null) return new EditOutcome(EditStatus.NotFound, 0);
            if (document.Revision != basedOnRevision)
            {
                var changes = await db.DocumentEdits.AsNoTracking().Where(e => e.DocumentId == documentId && e.Revision > basedOnRevision)
                    .OrderBy(e => e.Revision).ToListAsync(cancellationToken);
                return new EditOutcome(EditStatus.Conflict, document.Revision, Changes: changes);
            }

            var stored = (await StoredTree.LoadAsync(db, documentId, cancellationToken))!;
            var tree = EditableDocument.From(stored.Document, stored.SectionKeys);
            tree.NewKey = seed => SectionKeys.ForEdit(document.ImportedTitle, seed);
            var snapshot = JsonSerializer.Serialize(tree, Json);
            PendingStep step;
            try
            {
                step = await change(document, tree);
            }
            catch (StructureEditException ex)
            {
                db.ChangeTracker.Clear();
                return new EditOutcome(EditStatus.Invalid, document.Revision, ErrorCode: ex.Code);
            }

            var (parsed, keys) = (step.Replacement ?? tree).ToParsed();
            await search.RemoveDocumentAsync(documentId, cancellationToken);
            await store.DeleteStructureAsync(documentId, cancellationToken);
            await store.WriteStructureAsync(documentId, parsed, keys, cancellationToken);
            DocumentStore.FillStructureFacts(document, parsed);
            document.Revision++;
            var now = time.GetUtcNow().UtcDateTime;
            db.DocumentEdits.Add(new DocumentEdit
            {
                DocumentId = documentId, Revision = document.Revision, AtUtc = now, UserName = userName, Kind = step.Kind, EditJson = step.EditJson,
                Before = step.Change.Before, After = step.Change.After, Section = step.Change.Section, Restores = step.Restores,
                SnapshotJson = step.Kind == DocumentEdit.UndoKind ? null : snapshot,
            });
            db.AuditEntries.Add(new AuditEntry
            {
                AtUtc = now, UserName = userName, Action = "edit." + step.Kind, Subject = document.Title,
                Details = $"{EditChange.Cut(step.Change.Before, 200)} → {EditChange.Cut(step.Change.After, 200)}",
            });
            await db.SaveChangesAsync(cancellationToken);
            await ForgetOldSnapshotsAsync(documentId, cancellationToken);
            await search.IndexDocumentAsync(documentId, cancellationToken);
            await db.MoveLibraryRevisionAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            version.Bump();
            db.ChangeTracker.Clear();
            logger.LogInformation("{User} edited {Title}: {Kind} (revision {Revision})", userName, document.Title, step.Kind, document.Revision);
            return new EditOutcome(EditStatus.Applied, document.Revision, step.Change.Section);
        });
    }

    /// <summary>Undo reaches back <see cref="DocumentEdit.SnapshotsKept"/> steps; older trees are not worth their space.</summary>
    private async Task ForgetOldSnapshotsAsync(int documentId, CancellationToken cancellationToken)
    {
        var kept = await db.DocumentEdits.Where(e => e.DocumentId == documentId && e.SnapshotJson != null).OrderByDescending(e => e.Revision)
            .Skip(DocumentEdit.SnapshotsKept).Select(e => e.Id).ToListAsync(cancellationToken);
        if (kept.Count > 0) await db.DocumentEdits.Where(e => kept.Contains(e.Id)).ExecuteUpdateAsync(u => u.SetProperty(e => e.SnapshotJson, (string?)null), cancellationToken);
    }
}

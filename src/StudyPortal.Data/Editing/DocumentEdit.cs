using StudyPortal.Data.Library;

namespace StudyPortal.Data.Editing;

/// <summary>
/// One step in a document's history: an admin's correction (its <see cref="EditJson"/> can be replayed onto a fresh
/// parse), an undo, or a replacement of the whole structure. <see cref="Revision"/> is the document's revision after
/// the step; an editor that loaded an older revision is told what these rows say changed since.
/// </summary>
public sealed class DocumentEdit
{
    public const string UndoKind = "Undo";
    public const string ReplaceKind = "Replace";
    /// <summary>Snapshots kept per document for undo; older ones are cleared (the edits themselves stay).</summary>
    public const int SnapshotsKept = 20;

    public long Id { get; set; }
    public int DocumentId { get; set; }
    public Document? Document { get; set; }
    public int Revision { get; set; }
    public DateTime AtUtc { get; set; }
    public required string UserName { get; set; }
    /// <summary>An <see cref="Importer.Editing.EditKind"/> name, <see cref="UndoKind"/> or <see cref="ReplaceKind"/>.</summary>
    public required string Kind { get; set; }
    public required string EditJson { get; set; }
    public string Before { get; set; } = "";
    public string After { get; set; } = "";
    /// <summary>The key of the section the step took effect in, to link to it.</summary>
    public string? Section { get; set; }
    /// <summary>The tree before the step (<see cref="Importer.Editing.EditableDocument"/> as JSON): what undo restores.</summary>
    public string? SnapshotJson { get; set; }
    public DateTime? UndoneAtUtc { get; set; }
    /// <summary>For a restored paragraph: the deletion it reverses.</summary>
    public long? Restores { get; set; }
}

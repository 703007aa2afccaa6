using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyPortal.Importer;

namespace StudyPortal.Data.Importing;

/// <summary>Reads files from disk, parses them and stores them; a file that fails leaves the database as it was.</summary>
public sealed class DocumentImporter(DocumentParser parser, DocumentStore store, PortalDbContext db, IOptions<ImportOptions> options, ILogger<DocumentImporter> logger)
{
    /// <summary>What a folder import takes: every format the parser reads (it tells them apart by their bytes, not their names).</summary>
    public static readonly IReadOnlyList<string> ImportableExtensions = [".txt", ".text", ".md", ".markdown", ".docx", ".pdf"];

    /// <summary>Files to import: each file as given, and the importable files directly inside each folder, in name order.</summary>
    public static IEnumerable<string> Expand(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path).Where(f => ImportableExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                             .Order(StringComparer.Ordinal))
                    yield return file;
            }
            else
            {
                yield return path;
            }
        }
    }

    public async Task<FileImportResult> ImportFileAsync(string path, string importedBy, CancellationToken cancellationToken = default)
    {
        var name = Path.GetFileName(path);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) return Fail(path, "the file does not exist");
            if (info.Length > options.Value.MaxFileBytes)
                return Fail(path, $"the file is {info.Length / 1024.0 / 1024.0:0.#} MB, above the limit of {options.Value.MaxFileBytes / 1024.0 / 1024.0:0.#} MB");
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            return await ImportBytesAsync(bytes, name, importedBy, path, cancellationToken);
        }
        catch (IOException ex)
        {
            return Fail(path, $"the file cannot be read: {ex.Message}");
        }
        catch (UnauthorizedAccessException)
        {
            return Fail(path, "the file cannot be read: permission denied");
        }
    }

    public async Task<FileImportResult> ImportBytesAsync(byte[] bytes, string fileName, string importedBy, string? displayPath = null, CancellationToken cancellationToken = default)
    {
        var path = displayPath ?? fileName;
        try
        {
            var parsed = parser.Parse(bytes, fileName);
            var outcome = await store.StoreAsync(parsed, bytes, importedBy, cancellationToken: cancellationToken);
            return new FileImportResult(path, outcome, null);
        }
        catch (UnreadableDocumentException ex)
        {
            return Fail(path, ex.Message);
        }
    }

    /// <summary>
    /// Parses a stored document's original again with the current importer and replaces its structure (section keys
    /// kept where the text is unchanged; an admin's corrections replayed where their text is unchanged, unless
    /// <paramref name="keepCorrections"/> is false).
    /// </summary>
    public async Task<FileImportResult> ReimportAsync(int documentId, string importedBy, bool keepCorrections = true, CancellationToken cancellationToken = default)
    {
        var stored = await db.Documents.AsNoTracking().Where(d => d.Id == documentId)
            .Select(d => new { d.FileName, d.File!.Content, d.Title, d.Series, d.Issuer, d.Date }).FirstOrDefaultAsync(cancellationToken);
        if (stored is null) return Fail($"document {documentId}", "the document does not exist");
        try
        {
            var parsed = parser.Parse(stored.Content, stored.FileName);
            // The title block as stored carries what the admin set in the upload preview (and in the editor): kept
            // with the corrections, replaced with them.
            if (keepCorrections)
                parsed = parsed with { Title = stored.Title, Series = stored.Series, Issuer = stored.Issuer, Date = Importer.Model.PartialDate.FromIso(stored.Date) };
            return new FileImportResult(stored.FileName, await store.StoreAsync(parsed, stored.Content, importedBy, documentId,
                keepCorrections: keepCorrections, cancellationToken: cancellationToken), null);
        }
        catch (UnreadableDocumentException ex)
        {
            return Fail(stored.FileName, ex.Message);
        }
    }

    private FileImportResult Fail(string path, string reason)
    {
        logger.LogWarning("Refused {File}: {Reason}", path, reason);
        return new FileImportResult(path, null, reason);
    }
}

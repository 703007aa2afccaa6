namespace StudyPortal.Web.Pages.Admin.Upload;

public static class UploadLimits
{
    /// <summary>The largest upload request: several files of up to the import limit (50 MB by default) each.</summary>
    public const long RequestBytes = 210L * 1024 * 1024;
    public const int FilesPerRequest = 20;

    /// <summary>
    /// The client's file name reduced to a display name: no folders, no control or path characters, at most 120
    /// characters. It is stored as text and offered as the download name; it is never a path on the server.
    /// </summary>
    public static string SafeFileName(string? clientName)
    {
        var name = (clientName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('<' or '>' or ':' or '"' or '|' or '?' or '*')).ToArray()).Trim().TrimStart('.');
        if (name.Length > 120)
        {
            // The end keeps the extension; the cut moves forward past a broken pair rather than leave half a character.
            name = name[^120..];
            if (char.IsLowSurrogate(name[0])) name = name[1..];
        }
        return name.Length == 0 ? "upload.txt" : name;
    }
}

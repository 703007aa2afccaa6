namespace StudyPortal.Importer;

/// <summary>The one error the importer throws: the file is not a text it can read (empty, binary, undecodable, too large, unsupported).</summary>
public sealed class UnreadableDocumentException : Exception
{
    public UnreadableDocumentException() { }

    public UnreadableDocumentException(string message) : base(message) { }

    public UnreadableDocumentException(string message, Exception innerException) : base(message, innerException) { }
}

namespace StudyPortal.Importer;

/// <summary>Why a file cannot be imported, for an interface to say in its own language (the message is English).</summary>
public enum UnreadableReason
{
    Other,
    Empty,
    Binary,
    Undecodable,
    TooLarge,
    TooMuchText,
    /// <summary>Unpacks to too much, or holds too many paragraphs or pages: damaged or built to exhaust the server.</summary>
    Expands,
    Scanned,
    BrokenWord,
    BrokenPdf,
    Unsupported,
    NoText,
}

/// <summary>The one error the importer throws: the file is not a text it can read (empty, binary, undecodable, too large, unsupported).</summary>
public sealed class UnreadableDocumentException : Exception
{
    public UnreadableDocumentException() { }

    public UnreadableDocumentException(string message) : base(message) { }

    public UnreadableDocumentException(string message, Exception innerException) : base(message, innerException) { }

    public UnreadableDocumentException(UnreadableReason reason, string message, Exception? innerException = null) : base(message, innerException) => Reason = reason;

    public UnreadableReason Reason { get; }
}

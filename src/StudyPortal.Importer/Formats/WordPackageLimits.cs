using System.IO.Compression;
using System.Xml;

namespace StudyPortal.Importer.Formats;

/// <summary>
/// Checks what a .docx unpacks to before the Open XML SDK builds its object tree of it: the sizes its parts really
/// decompress to (the sizes a zip declares can lie) and the number of paragraphs in the main document, counted by a
/// streaming read. A "zip bomb" of a few megabytes is refused here in well under a second instead of taking gigabytes.
/// </summary>
public static class WordPackageLimits
{
    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>Throws <see cref="UnreadableDocumentException"/> when the package is beyond the options' limits.</summary>
    public static void Check(byte[] bytes, ImportOptions options)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException ex)
        {
            throw new UnreadableDocumentException(UnreadableReason.BrokenWord, "the file is not a readable Word document", ex);
        }
        using (zip)
        {
            var total = 0L;
            var xml = 0L;
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                var isXml = entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);
                using var stream = Open(entry);
                if (isXml && entry.FullName.Equals("word/document.xml", StringComparison.OrdinalIgnoreCase))
                {
                    var counted = new CountingStream(stream, () => total + xml, options);
                    CountParagraphs(counted, options);
                    total += counted.Count;
                    xml += counted.Count;
                    continue;
                }
                int read;
                while ((read = Read(stream, buffer)) > 0)
                {
                    total += read;
                    if (isXml) xml += read;
                    if (total > options.MaxExpandedBytes || xml > options.MaxExpandedBytes / 4) throw TooLarge(options);
                }
            }
        }
    }

    private static Stream Open(ZipArchiveEntry entry)
    {
        try
        {
            return entry.Open();
        }
        catch (InvalidDataException ex)
        {
            throw new UnreadableDocumentException(UnreadableReason.BrokenWord, "the file is not a readable Word document", ex);
        }
    }

    private static int Read(Stream stream, byte[] buffer)
    {
        try
        {
            return stream.Read(buffer, 0, buffer.Length);
        }
        catch (InvalidDataException ex)
        {
            throw new UnreadableDocumentException(UnreadableReason.BrokenWord, "the file is not a readable Word document", ex);
        }
    }

    private static void CountParagraphs(Stream stream, ImportOptions options)
    {
        var paragraphs = 0;
        try
        {
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true });
            while (reader.Read())
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "p" && reader.NamespaceURI == WordNamespace && ++paragraphs > options.MaxParagraphs)
                    throw new UnreadableDocumentException(UnreadableReason.Expands, $"the Word file has more than {options.MaxParagraphs} paragraphs, above the limit");
        }
        catch (XmlException ex)
        {
            throw new UnreadableDocumentException(UnreadableReason.BrokenWord, "the file is not a readable Word document", ex);
        }
        catch (InvalidDataException ex)
        {
            throw new UnreadableDocumentException(UnreadableReason.BrokenWord, "the file is not a readable Word document", ex);
        }
    }

    private static UnreadableDocumentException TooLarge(ImportOptions options) =>
        new(UnreadableReason.Expands, $"the Word file unpacks to more than {options.MaxExpandedBytes / 1024 / 1024} MB, above the limit");

    /// <summary>Counts what is read through it and stops the read at the XML share of the limit.</summary>
    private sealed class CountingStream(Stream inner, Func<long> before, ImportOptions options) : Stream
    {
        public long Count { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Count; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            Count += read;
            if (Count > options.MaxExpandedBytes / 4 || before() + Count > options.MaxExpandedBytes) throw TooLarge(options);
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

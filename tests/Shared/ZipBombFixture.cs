using System.IO.Compression;
using System.Text;

namespace StudyPortal.Tests;

/// <summary>Word files that are small on disk and enormous unpacked, written as raw zip entries (the Open XML SDK would take the memory the test is about).</summary>
public static class ZipBombFixture
{
    private const string ContentTypes = """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""";
    private const string Relationships = """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""";

    /// <summary>A .docx of <paramref name="paragraphs"/> short paragraphs.</summary>
    public static byte[] ManyParagraphs(int paragraphs) => Docx(writer =>
    {
        for (var i = 0; i < paragraphs; i++) writer.Write("<w:p><w:r><w:t>学习</w:t></w:r></w:p>");
    });

    /// <summary>A .docx with one paragraph of <paramref name="megabytes"/> MB of text.</summary>
    public static byte[] HugeParagraph(int megabytes) => Docx(writer =>
    {
        writer.Write("<w:p><w:r><w:t>");
        var chunk = new string('a', 1024 * 1024);
        for (var i = 0; i < megabytes; i++) writer.Write(chunk);
        writer.Write("</w:t></w:r></w:p>");
    });

    private static byte[] Docx(Action<StreamWriter> body)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", ContentTypes);
            Write(zip, "_rels/.rels", Relationships);
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
            writer.Write("""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>""");
            body(writer);
            writer.Write("</w:body></w:document>");
        }
        return stream.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}

using StudyPortal.Importer.Model;

namespace StudyPortal.Importer.Formats;

/// <summary>The seam for file formats: each turns its file into the same stream of raw blocks.</summary>
public interface IBlockReader
{
    /// <summary>True when this reader handles the file, judged by its content first and its name second.</summary>
    bool CanRead(ReadOnlySpan<byte> bytes, string fileName);

    /// <summary>Reads the blocks and names the encoding the text was decoded from.</summary>
    BlockStream Read(byte[] bytes);
}

/// <summary>A format's output: the blocks, the encoding it read, and any warnings from reading.</summary>
public sealed record BlockStream(IReadOnlyList<RawBlock> Blocks, string Encoding, bool EncodingGuessed, IReadOnlyList<Diagnostic> Warnings);

using StudyPortal.Importer.Decoding;

namespace StudyPortal.Importer.Formats;

/// <summary>The seam for file formats: each turns its file into the same stream of raw blocks.</summary>
public interface IBlockReader
{
    /// <summary>True when this reader handles the file, judged by its content first and its name second.</summary>
    bool CanRead(ReadOnlySpan<byte> bytes, string fileName);

    /// <summary>Reads the blocks; <paramref name="encoding"/> names what the text was decoded from.</summary>
    IReadOnlyList<RawBlock> Read(byte[] bytes, out string encoding, out bool encodingGuessed);
}

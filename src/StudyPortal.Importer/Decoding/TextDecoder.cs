using System.Text;
using UtfUnknown;

namespace StudyPortal.Importer.Decoding;

/// <summary>
/// Reads UTF-8 (with or without BOM), UTF-16 (with BOM, or without one when the zero bytes give it away)
/// and GB18030/GBK. Anything else is refused rather than guessed into mojibake.
/// </summary>
public static class TextDecoder
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly string[] ChineseLegacyCharsets = ["gb18030", "gbk", "gb2312", "hz-gb-2312", "x-cp20936"];

    public static DecodedText Decode(byte[] bytes)
    {
        if (bytes.Length == 0) throw new UnreadableDocumentException(UnreadableReason.Empty, "the file is empty");

        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            return new DecodedText(DecodeStrict(StrictUtf8, bytes, 3, "UTF-8"), "UTF-8 (BOM)", false);
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            return new DecodedText(DecodeStrict(new UnicodeEncoding(false, false, true), bytes, 2, "UTF-16LE"), "UTF-16LE (BOM)", false);
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            return new DecodedText(DecodeStrict(new UnicodeEncoding(true, false, true), bytes, 2, "UTF-16BE"), "UTF-16BE (BOM)", false);

        var utf16 = DetectBomlessUtf16(bytes);
        if (utf16 is { } bigEndian)
        {
            var name = bigEndian ? "UTF-16BE" : "UTF-16LE";
            return new DecodedText(DecodeStrict(new UnicodeEncoding(bigEndian, false, true), bytes, 0, name), name, true);
        }

        if (LooksBinary(bytes)) throw new UnreadableDocumentException(UnreadableReason.Binary, "the file is binary, not text");

        try
        {
            return new DecodedText(StrictUtf8.GetString(bytes), "UTF-8", false);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8, or UTF-8 cut off in the middle of its last character (a truncated download).
            var cut = IncompleteUtf8Tail(bytes);
            if (cut > 0)
            {
                try
                {
                    var prefix = StrictUtf8.GetString(bytes, 0, bytes.Length - cut);
                    return new DecodedText(prefix, "UTF-8", false, Model.Diagnostic.Create(Model.DiagnosticLevel.Warning, null, "truncated-character", "The file ends in the middle of a character; its last {0} byte(s) were dropped.", cut));
                }
                catch (DecoderFallbackException)
                {
                    // Invalid elsewhere too: fall through to the legacy encodings.
                }
            }
        }

        var gb18030 = Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        string text;
        try
        {
            text = gb18030.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new UnreadableDocumentException(UnreadableReason.Undecodable, "the text is neither UTF-8, UTF-16 nor GB18030 and cannot be decoded; save it as UTF-8");
        }

        var detected = CharsetDetector.DetectFromBytes(bytes).Detected?.EncodingName?.ToLowerInvariant();
        var confirmed = detected is not null && ChineseLegacyCharsets.Contains(detected);
        if (!confirmed && CjkShare(text) < 0.3)
            throw new UnreadableDocumentException(UnreadableReason.Undecodable,
                $"the text is not UTF-8 and does not read as Chinese in GB18030 (detector says {detected ?? "unknown"}); save it as UTF-8");
        return new DecodedText(text, "GB18030", !confirmed);
    }

    /// <summary>How many bytes at the end start a UTF-8 sequence that the file does not finish (0 when none).</summary>
    private static int IncompleteUtf8Tail(byte[] bytes)
    {
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0x80) continue;
            var needed = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 1;
            return needed > back ? back : 0;
        }
        return 0;
    }

    private static string DecodeStrict(Encoding encoding, byte[] bytes, int offset, string name)
    {
        try
        {
            return encoding.GetString(bytes, offset, bytes.Length - offset);
        }
        catch (DecoderFallbackException)
        {
            throw new UnreadableDocumentException(UnreadableReason.Undecodable, $"the file declares {name} but contains invalid {name} bytes");
        }
    }

    /// <summary>Text in UTF-16 without a BOM has a zero byte in most even (BE) or odd (LE) positions.</summary>
    private static bool? DetectBomlessUtf16(byte[] bytes)
    {
        if (bytes.Length < 4 || bytes.Length % 2 != 0) return null;
        int sample = Math.Min(bytes.Length, 4096) & ~1, evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < sample; i += 2)
        {
            if (bytes[i] == 0) evenZeros++;
            if (bytes[i + 1] == 0) oddZeros++;
        }
        var pairs = sample / 2;
        if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return false;
        if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return true;
        // Chinese UTF-16 has few zero bytes; require that it decodes cleanly and is mostly CJK.
        if (evenZeros == 0 && oddZeros == 0) return null;
        foreach (var bigEndian in new[] { false, true })
        {
            try
            {
                var text = new UnicodeEncoding(bigEndian, false, true).GetString(bytes);
                if (CjkShare(text) > 0.5 && !text.Contains('\0')) return bigEndian;
            }
            catch (DecoderFallbackException)
            {
            }
        }
        return null;
    }

    private static bool LooksBinary(byte[] bytes)
    {
        var sample = Math.Min(bytes.Length, 8192);
        var controls = 0;
        for (var i = 0; i < sample; i++)
        {
            var b = bytes[i];
            if (b == 0) return true;
            if (b < 0x09 || b is > 0x0D and < 0x20 && b != 0x1B) controls++;
        }
        return controls > sample / 20 + 1;
    }

    private static double CjkShare(string text)
    {
        int cjk = 0, letters = 0;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsAsciiDigit(c) || char.IsAsciiLetter(c) || char.IsPunctuation(c)) continue;
            letters++;
            if (CjkText.IsIdeograph(c) || CjkText.IsCjkPunctuation(c)) cjk++;
        }
        return letters == 0 ? 0 : (double)cjk / letters;
    }
}

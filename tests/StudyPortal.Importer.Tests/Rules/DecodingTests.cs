using System.Text;
using StudyPortal.Importer.Decoding;

namespace StudyPortal.Importer.Tests.Rules;

public sealed class DecodingTests
{
    private const string Sample = "没有网络安全就没有国家安全，没有信息化就没有现代化。\n网信事业代表着新的生产力和新的发展方向。";

    static DecodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TheoryData<string, byte[]> Encoded()
    {
        var data = new TheoryData<string, byte[]>
        {
            { "UTF-8", Encoding.UTF8.GetBytes(Sample) },
            { "UTF-8 (BOM)", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Sample)] },
            { "UTF-16LE (BOM)", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Sample)] },
            { "UTF-16BE (BOM)", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Sample)] },
            { "UTF-16LE", Encoding.Unicode.GetBytes(Sample) },
            { "GB18030", Encoding.GetEncoding("GB18030").GetBytes(Sample) },
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(Encoded))]
    public void Decode_DetectsEncoding_AndNamesIt(string expectedEncoding, byte[] bytes)
    {
        var decoded = TextDecoder.Decode(bytes);
        Assert.Equal(expectedEncoding, decoded.EncodingName);
        Assert.Equal(Sample, decoded.Text);
    }

    [Fact]
    public void Decode_Gb18030FourByteCharacters_AreNotLost()
    {
        const string text = "网络强国建设，𠀀字与㐀字都要保留，这是四字节字符的测试句子。";
        var decoded = TextDecoder.Decode(Encoding.GetEncoding("GB18030").GetBytes(text));
        Assert.Equal(text, decoded.Text);
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00 })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0xC3, 0x28, 0xE4, 0xB8 })]
    public void Decode_RefusesEmptyBinaryOrBrokenFiles(byte[] bytes) =>
        Assert.Throws<UnreadableDocumentException>(() => TextDecoder.Decode(bytes));

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Parse_AnyLineEnding_GivesTheSameStructure(string newline)
    {
        var text = string.Join(newline, "网络强国的讲话", "", "**第一部分**", "", "没有网络安全就没有国家安全。", "", "——2014年2月27日，在中央网络安全和信息化领导小组第一次会议上的讲话");
        var document = new DocumentParser().Parse(Encoding.UTF8.GetBytes(text), "x.txt");
        Assert.Equal("第一部分", document.Articles.Single().Sections.Single().Heading);
        Assert.Equal("2014-02-27", Assert.Single(document.Quotations).Date?.ToIso());
    }
}

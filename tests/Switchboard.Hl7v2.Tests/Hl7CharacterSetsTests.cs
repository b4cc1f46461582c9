using System.Text;

namespace Switchboard.Hl7v2.Tests;

public class Hl7CharacterSetsTests
{
    private static byte[] Message(string msh18, byte[] pidName)
    {
        var head = Encoding.ASCII.GetBytes($"MSH|^~\\&|A||||||ADT^A01|1|P|2.5||||||{msh18}\rPID|1||X||");
        return [.. head, .. pidName, (byte)'\r'];
    }

    [Fact]
    public void Parse_Utf8Declared_DecodesMultibyte()
    {
        var result = Hl7Parser.Parse(Message("UNICODE UTF-8", Encoding.UTF8.GetBytes("Z\u00fcrich\u2013X")));

        Assert.Equal("Z\u00fcrich\u2013X", result.Value!.GetValue("PID-5"));
        Assert.Empty(result.Issues);
    }

    [Fact]
    public void Parse_Utf8DeclaredInvalidBytes_ReportsV2202WithByteOffset()
    {
        var bytes = Message("UNICODE UTF-8", [(byte)'A', 0xFF, (byte)'B']);
        var offset = Array.IndexOf(bytes, (byte)0xFF);

        var result = Hl7Parser.Parse(bytes);

        var issue = Assert.Single(result.Issues, i => i.Code == Hl7IssueCodes.InvalidBytes);
        Assert.Equal(Hl7Severity.Error, issue.Severity);
        Assert.Equal(offset, issue.Location.Offset);
        Assert.Contains('\uFFFD', result.Value!.GetValue("PID-5"));
    }

    [Fact]
    public void Parse_AsciiDeclaredHighByte_ReportsV2202()
    {
        var result = Hl7Parser.Parse(Message("ASCII", [0xE9]));

        Assert.Contains(result.Issues, i => i.Code == Hl7IssueCodes.InvalidBytes);
    }

    [Fact]
    public void Parse_UndeclaredLatin1_WarnsV2203AndDecodesLatin1()
    {
        var result = Hl7Parser.Parse(Message(string.Empty, [0x4D, 0xDC, 0x4C]));

        Assert.Contains(result.Issues, i => i.Code == Hl7IssueCodes.UndeclaredCharacterSet && i.Severity == Hl7Severity.Warning);
        Assert.Equal("M\u00dcL", result.Value!.GetValue("PID-5"));
    }

    [Fact]
    public void Parse_UnknownCharacterSet_WarnsV2201()
    {
        var result = Hl7Parser.Parse(Message("KLINGON", Encoding.ASCII.GetBytes("X")));

        Assert.Contains(result.Issues, i => i.Code == Hl7IssueCodes.UnknownCharacterSet);
    }

    [Fact]
    public void Parse_Utf8Bom_IsStrippedAndDecoded()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Message(string.Empty, Encoding.UTF8.GetBytes("\u00e9"))];

        var result = Hl7Parser.Parse(bytes);

        Assert.Equal("\u00e9", result.Value!.GetValue("PID-5"));
        Assert.Equal("MSH", result.Value.Segment("MSH").Id);
    }

    [Theory]
    [InlineData("ASCII", 20127)]
    [InlineData("8859/1", 28591)]
    [InlineData("UNICODE UTF-8", 65001)]
    public void TryGetEncoding_KnownNames_Map(string name, int codePage)
    {
        Assert.True(Hl7CharacterSets.TryGetEncoding(name, out var encoding));
        Assert.Equal(codePage, encoding!.CodePage);
    }
}

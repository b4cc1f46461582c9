using System.Text;

namespace Switchboard.Hl7v2.Tests;

public class Hl7EscapingTests
{
    private static readonly Hl7Delimiters D = Hl7Delimiters.Default;

    [Theory]
    [InlineData("a\\F\\b", "a|b")]
    [InlineData("a\\S\\b", "a^b")]
    [InlineData("a\\T\\b", "a&b")]
    [InlineData("a\\R\\b", "a~b")]
    [InlineData("a\\E\\b", "a\\b")]
    [InlineData("\\X41\\\\X4243\\", "ABC")]
    [InlineData("caf\\XC3A9\\", "caf\u00e9")]
    [InlineData("\\Zcustom\\", "\\Zcustom\\")]
    [InlineData("line\\.br\\next", "line\\.br\\next")]
    [InlineData("\\H\\bold\\N\\", "\\H\\bold\\N\\")]
    [InlineData("unterminated \\F", "unterminated \\F")]
    [InlineData("\\Q\\", "\\Q\\")]
    [InlineData("\\Xzz\\", "\\Xzz\\")]
    [InlineData("\\C2842\\x", "\\C2842\\x")]
    [InlineData("", "")]
    public void Unescape_Sequences_Decoded(string raw, string expected)
    {
        Assert.Equal(expected, Hl7Escaping.Unescape(raw, D));
    }

    [Theory]
    [InlineData("a\\.br\\b", "a\nb")]
    [InlineData("a\\.sp 2\\b", "a\n\nb")]
    [InlineData("\\H\\bold\\N\\ text", "bold text")]
    [InlineData("a\\.sk 3\\b", "a   b")]
    [InlineData("a\\.in 4\\b\\.fi\\", "ab")]
    public void Unescape_RenderFormatting_ProducesPlainText(string raw, string expected)
    {
        Assert.Equal(expected, Hl7Escaping.Unescape(raw, D, null, Hl7TextFormat.Render));
    }

    [Fact]
    public void Unescape_HexInLatin1Message_UsesCharacterSet()
    {
        Assert.Equal("\u00e9", Hl7Escaping.Unescape("\\XE9\\", D, Encoding.Latin1));
        Assert.Equal("\u00e9", Hl7Escaping.Unescape("\\XE9\\", D));
    }

    [Fact]
    public void Escape_AllDelimitersAndLineBreaks_UnescapesBack()
    {
        const string value = "a|b^c&d~e\\f\rg\nh";

        var escaped = Hl7Escaping.Escape(value, D);

        Assert.Equal("a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f\\X0D\\g\\X0A\\h", escaped);
        Assert.Equal(value, Hl7Escaping.Unescape(escaped, D));
    }

    [Fact]
    public void Value_FormattedText_CanBeRendered()
    {
        var message = Hl7Parser.Parse("MSH|^~\\&|A||||||ORU^R01|1|P|2.5\rOBX|1|FT|x||first\\.br\\second\r").Value!;

        Assert.Equal("first\\.br\\second", message.GetValue("OBX-5"));
        Assert.Equal("first\nsecond", message.Get("OBX-5").GetText(Hl7TextFormat.Render));
    }

    [Theory]
    [InlineData("ok \\F\\ fine", -1)]
    [InlineData("bad \\Q\\", 4)]
    [InlineData("open \\F", 5)]
    [InlineData("\\.br\\\\X0D\\\\Zab\\", -1)]
    public void FindMalformedEscape_ReturnsOffset(string raw, int expected)
    {
        Assert.Equal(expected, Hl7Escaping.FindMalformedEscape(raw, D));
    }
}

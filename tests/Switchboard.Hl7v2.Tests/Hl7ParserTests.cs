using System.Text;

namespace Switchboard.Hl7v2.Tests;

public class Hl7ParserTests
{
    private const string Adt =
        "MSH|^~\\&|SEND|FAC|RECV|RFAC|20240102030405||ADT^A01^ADT_A01|CTRL1|P|2.5.1\r" +
        "EVN|A01|20240102030405\r" +
        "PID|1||MRN1^^^HOSP&1.2.3&ISO^MR~ALT2^^^OTHER||DOE^JOHN^Q~ALIAS^JJ||19800101|M|||1 MAIN ST^^TOWN||\"\"\r" +
        "PV1|1|I\r" +
        "ZPI|custom|data\r";

    [Fact]
    public void Parse_MshNumbering_Msh1IsSeparatorAndMsh2EncodingCharacters()
    {
        var message = Hl7Parser.Parse(Adt).Value!;

        Assert.Equal("|", message.GetValue("MSH-1"));
        Assert.Equal("^~\\&", message.GetValue("MSH-2"));
        Assert.Equal("SEND", message.GetValue("MSH-3"));
        Assert.Equal("ADT^A01^ADT_A01", message.GetValue("MSH-9"));
        Assert.Equal("A01", message.GetValue("MSH-9.2"));
        Assert.Equal("CTRL1", message.ControlId);
        Assert.Equal("2.5.1", message.Version);
    }

    [Theory]
    [InlineData("PID-3", "MRN1^^^HOSP&1.2.3&ISO^MR")]
    [InlineData("PID-5", "DOE^JOHN^Q")]
    [InlineData("PID-3[2]", "ALT2^^^OTHER")]
    [InlineData("PID-3[2].1", "ALT2")]
    [InlineData("PID-3.4.2", "1.2.3")]
    [InlineData("PID-3[1].4.3", "ISO")]
    [InlineData("PID-5.2", "JOHN")]
    [InlineData("PID-5[2].1", "ALIAS")]
    [InlineData("PID-11.3", "TOWN")]
    [InlineData("PID-99", "")]
    [InlineData("PID-3[9]", "")]
    [InlineData("OBX-5", "")]
    [InlineData("ZPI-2", "data")]
    [InlineData("PV1[1]-2", "I")]
    public void GetValue_Paths_ReturnExpected(string path, string expected)
    {
        var message = Hl7Parser.Parse(Adt).Value!;

        Assert.Equal(expected, message.GetValue(path));
    }

    [Fact]
    public void Get_ExplicitNull_IsDistinctFromEmpty()
    {
        var pid = Hl7Parser.Parse(Adt).Value!.Segment("PID");

        Assert.True(pid.Field(13).IsNull);
        Assert.False(pid.Field(13).HasValue);
        Assert.Equal("\"\"", pid.Field(13).Raw);
        Assert.Equal(string.Empty, pid.Field(13).Value);
        Assert.True(pid.Field(12).IsEmpty);
        Assert.False(pid.Field(12).IsNull);
    }

    [Fact]
    public void Segment_Counts_AreExact()
    {
        var message = Hl7Parser.Parse(Adt).Value!;
        var pid = message.Segment("PID");

        Assert.Equal(5, message.SegmentCount);
        Assert.Equal(13, pid.FieldCount);
        Assert.Equal(2, pid.Field(3).RepetitionCount);
        Assert.Equal(5, pid.Field(3).ComponentCount);
        Assert.Equal(3, pid.Field(3).Component(4).SubComponentCount);
        Assert.Equal(0, pid.Field(2).RepetitionCount);
        Assert.Equal(12, message.Segment("MSH").FieldCount);
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Parse_Terminators_GiveSameValues(string terminator)
    {
        var text = Adt.Replace("\r", terminator, StringComparison.Ordinal);

        var message = Hl7Parser.Parse(text).Value!;

        Assert.Equal(5, message.SegmentCount);
        Assert.Equal("DOE", message.GetValue("PID-5.1"));
        Assert.Equal("data", message.GetValue("ZPI-2"));
    }

    [Fact]
    public void Parse_MixedTerminatorsBlankLinesBomAndNoFinalTerminator_ReadsAllSegments()
    {
        var text = "\uFEFF\r\n" + Adt.Replace("EVN|", "\n\r\nEVN|", StringComparison.Ordinal).Replace("PV1|1|I\r", "PV1|1|I\n\n", StringComparison.Ordinal).TrimEnd('\r');

        var result = Hl7Parser.Parse(text);

        Assert.Equal(5, result.Value!.SegmentCount);
        Assert.Equal("data", result.Value.GetValue("ZPI-2"));
        Assert.Contains(result.Issues, i => i.Code == Hl7IssueCodes.MissingFinalTerminator);
        Assert.Contains(result.Issues, i => i.Code == Hl7IssueCodes.NonStandardTerminator && i.Severity == Hl7Severity.Information);
    }

    [Fact]
    public void Parse_OnlyCrOption_TreatsLfAsData()
    {
        var text = "MSH|^~\\&|A\nB|||||||X^Y|1|P|2.5\rPID|1\r";

        var message = Hl7Parser.Parse(text, Hl7ParseOptions.Lenient with { SegmentTerminators = SegmentTerminators.Cr }).Value!;

        Assert.Equal(2, message.SegmentCount);
        Assert.Equal("A\nB", message.GetValue("MSH-3"));
    }

    [Fact]
    public void Parse_NonDefaultDelimiters_AreUsedEverywhere()
    {
        var text = "MSH#*!@%#SEND##R##20240101##ORU*R01#9#P#2.5.1\rPID#1##A*B%C!D\rNTE#1##x@F@y@S@z\r";

        var message = Hl7Parser.Parse(text).Value!;

        Assert.Equal(new Hl7Delimiters('#', '*', '!', '@', '%', '\0'), message.Delimiters);
        Assert.Equal("R01", message.TriggerEvent);
        Assert.Equal("C", message.GetValue("PID-3.2.2"));
        Assert.Equal("D", message.GetValue("PID-3[2]"));
        Assert.Equal("x#y*z", message.GetValue("NTE-3"));
    }

    [Fact]
    public void Parse_TruncationCharacter_IsReadFromMsh2()
    {
        var message = Hl7Parser.Parse("MSH|^~\\&#|A||||||ADT^A01|1|P|2.7\rNTE|1||a\\P\\b#\r").Value!;

        Assert.Equal('#', message.Delimiters.Truncation);
        Assert.Equal("^~\\&#", message.GetValue("MSH-2"));
        Assert.Equal("a#b#", message.GetValue("NTE-3"));
    }

    [Theory]
    [InlineData("", Hl7IssueCodes.MissingMsh)]
    [InlineData("   \r\n", Hl7IssueCodes.MissingMsh)]
    [InlineData("PID|1||X\r", Hl7IssueCodes.MissingMsh)]
    [InlineData("MSH|\r", Hl7IssueCodes.GarbledHeader)]
    [InlineData("MSH|^~\r", Hl7IssueCodes.GarbledHeader)]
    [InlineData("MSH|^^\\&|A|B\r", Hl7IssueCodes.BadDelimiters)]
    [InlineData("MSH|^~\\&A|X\r", Hl7IssueCodes.BadDelimiters)]
    [InlineData("MSH|^~\\&#!|X\r", Hl7IssueCodes.BadDelimiters)]
    public void Parse_BrokenHeader_ReturnsIssueCode(string text, string code)
    {
        var result = Hl7Parser.Parse(text);

        Assert.Contains(result.Issues, i => i.Code == code && i.Severity == Hl7Severity.Error);
        Assert.True(result.HasErrors);
    }

    [Fact]
    public void Parse_ContentBeforeMsh_IsSkippedWithWarning()
    {
        var result = Hl7Parser.Parse("garbage line\r" + Adt);

        Assert.Equal("CTRL1", result.Value!.ControlId);
        Assert.Contains(result.Issues, i => i.Code == Hl7IssueCodes.ContentOutsideMessage && i.Location.Offset == 0);
    }

    [Fact]
    public void Parse_WrappedLine_ReportsPositionAndKeepsSegment()
    {
        var text = "MSH|^~\\&|A||||||ADT^A01|1|P|2.5\rPID|1||X\rcontinued text\rPV1|1\r";

        var lenient = Hl7Parser.Parse(text);
        var strict = Hl7Parser.Parse(text, Hl7ParseOptions.Strict);

        var issue = Assert.Single(lenient.Issues, i => i.Code == Hl7IssueCodes.InvalidSegmentId);
        Assert.Equal(Hl7Severity.Warning, issue.Severity);
        Assert.Equal(3, issue.Location.Segment);
        Assert.Equal(text.IndexOf("continued", StringComparison.Ordinal), issue.Location.Offset);
        Assert.Equal(4, lenient.Value!.SegmentCount);
        Assert.False(lenient.Value[3].HasValidId);
        Assert.Contains(strict.Issues, i => i.Code == Hl7IssueCodes.InvalidSegmentId && i.Severity == Hl7Severity.Error);
    }

    [Fact]
    public void Issue_Message_NeverQuotesValues()
    {
        var result = Hl7Parser.Parse("MSH|^~\\&|A||||||ADT^A01|1|P|2.5\rSECRETNAME here\r");

        Assert.All(result.Issues, i => Assert.DoesNotContain("SECRET", i.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Value_Location_NamesPosition()
    {
        var message = Hl7Parser.Parse(Adt).Value!;

        var location = message.Get("PID-3[2].1").Location;

        Assert.Equal(new Hl7Location(1, 3, "PID", 3, 2, 1, 0, Adt.IndexOf("ALT2", StringComparison.Ordinal)), location);
        Assert.Equal($"message 1, segment 3 PID-3[2].1 (offset {location.Offset})", location.ToString());
    }

    [Fact]
    public void Segment_ByOccurrence_FindsNth()
    {
        var text = "MSH|^~\\&|A||||||ORU^R01|1|P|2.5\rOBX|1|NM|a||1\rOBX|2|NM|b||2\rOBX|3|ST|c||three\r";

        var message = Hl7Parser.Parse(text).Value!;

        Assert.Equal("three", message.GetValue("OBX[3]-5"));
        Assert.Equal(3, message.SegmentsWithId("OBX").Count());
        Assert.False(message.Segment("OBX", 4).Exists);
        Assert.Equal(string.Empty, message.GetValue("OBX[4]-5"));
    }

    [Fact]
    public void Value_TypedReads_ParseTsNmSi()
    {
        var message = Hl7Parser.Parse(Adt).Value!;

        Assert.True(message.Get("MSH-7").TryGetDateTime(out var ts));
        Assert.Equal(new DateTime(2024, 1, 2, 3, 4, 5), ts.DateTime);
        Assert.Equal(Hl7DateTimePrecision.Second, ts.Precision);
        Assert.True(message.Get("PID-1").TryGetInt32(out var si));
        Assert.Equal(1, si);
        Assert.False(message.Get("PID-5").TryGetDecimal(out _));
    }

    [Fact]
    public void Parse_Bytes_Latin1FromMsh18()
    {
        var text = "MSH|^~\\&|A||||||ADT^A01|1|P|2.5||||||8859/1\rPID|1||X||M\u00dcLLER\r";
        var bytes = Encoding.Latin1.GetBytes(text);

        var result = Hl7Parser.Parse(bytes);

        Assert.Equal("M\u00dcLLER", result.Value!.GetValue("PID-5"));
        Assert.Empty(result.Issues);
    }
}

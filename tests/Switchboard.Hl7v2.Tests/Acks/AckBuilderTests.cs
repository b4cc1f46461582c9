using Switchboard.Hl7v2.Acks;

namespace Switchboard.Hl7v2.Tests.Acks;

public class AckBuilderTests
{
    private static readonly DateTimeOffset Now = new(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(2));

    private static Hl7Message Message(string version = "2.5.1", string msh15 = "") =>
        Hl7Parser.Parse($"MSH|^~\\&|SAPP|SFAC|RAPP|RFAC|20240101||ADT^A01^ADT_A01|CTRL42|P|{version}|||{msh15}\rPID|1||X||DOE||19800132\r").Value!;

    [Fact]
    public void Build_Original_SwapsApplicationsAndEchoesControlId()
    {
        var ack = Hl7Parser.Parse(AckBuilder.Build(Message(), AckCode.AA, Now)).Value!;

        Assert.Equal("RAPP", ack.GetValue("MSH-3"));
        Assert.Equal("RFAC", ack.GetValue("MSH-4"));
        Assert.Equal("SAPP", ack.GetValue("MSH-5"));
        Assert.Equal("SFAC", ack.GetValue("MSH-6"));
        Assert.Equal("20240506070809+0200", ack.GetValue("MSH-7"));
        Assert.Equal("ACK^A01^ACK", ack.GetValue("MSH-9"));
        Assert.Equal("ACKCTRL42", ack.ControlId);
        Assert.Equal("2.5.1", ack.Version);
        Assert.Equal("AA", ack.GetValue("MSA-1"));
        Assert.Equal("CTRL42", ack.GetValue("MSA-2"));
    }

    [Theory]
    [InlineData(AckCode.AA, "CA")]
    [InlineData(AckCode.AE, "CE")]
    [InlineData(AckCode.AR, "CR")]
    public void Build_EnhancedMode_UsesCommitCodes(AckCode code, string expected)
    {
        var message = Message(msh15: "AL");

        var ack = Hl7Parser.Parse(AckBuilder.Build(message, code, Now)).Value!;

        Assert.True(AckBuilder.IsEnhancedMode(message));
        Assert.Equal(expected, ack.GetValue("MSA-1"));
    }

    [Fact]
    public void Build_Errors_WritesErrWithLocationAndCodes()
    {
        var message = Message();
        var issue = new Hl7Issue(Hl7IssueCodes.InvalidDateTime, Hl7Severity.Error, message.Get("PID-7").Location, "PID-7 is not a valid TS/DTM date/time.");

        var ack = Hl7Parser.Parse(AckBuilder.Build(message, AckCode.AE, Now, new AckOptions { Errors = [issue], Text = "rejected" })).Value!;

        Assert.Equal("AE", ack.GetValue("MSA-1"));
        Assert.Equal("rejected", ack.GetValue("MSA-3"));
        Assert.Equal("PID^1^7^1", ack.Get("ERR-2").Raw);
        Assert.Equal("102", ack.GetValue("ERR-3.1"));
        Assert.Equal("HL70357", ack.GetValue("ERR-3.3"));
        Assert.Equal("E", ack.GetValue("ERR-4"));
        Assert.Equal("V2401", ack.GetValue("ERR-5"));
        Assert.Equal("PID-7 is not a valid TS/DTM date/time.", ack.GetValue("ERR-8"));
    }

    [Fact]
    public void Build_Pre25Version_UsesErr1AndTwoPartType()
    {
        var message = Message("2.3");
        var issue = new Hl7Issue(Hl7IssueCodes.MissingRequiredSegment, Hl7Severity.Error, message.Segment("PID").Location, "x");

        var ack = Hl7Parser.Parse(AckBuilder.Build(message, AckCode.AE, Now, new AckOptions { Errors = [issue] })).Value!;

        Assert.Equal("ACK^A01", ack.GetValue("MSH-9"));
        Assert.Equal("PID", ack.GetValue("ERR-1.1"));
        Assert.Equal("100", ack.GetValue("ERR-1.4.1"));
    }

    [Fact]
    public void Reject_UnreadableInput_IsParseableAr()
    {
        var ack = Hl7Parser.Parse(AckBuilder.Reject(Hl7IssueCodes.MissingMsh, Now)).Value!;

        Assert.Equal("AR", ack.GetValue("MSA-1"));
        Assert.Equal("V2001", ack.GetValue("MSA-3"));
        Assert.Equal("101", ack.GetValue("ERR-3"));
    }

    [Theory]
    [InlineData("AL", true, true)]
    [InlineData("NE", true, false)]
    [InlineData("ER", true, false)]
    [InlineData("ER", false, true)]
    [InlineData("SU", false, false)]
    [InlineData("", false, true)]
    public void WantsAcceptAck_FollowsMsh15(string msh15, bool success, bool expected)
    {
        Assert.Equal(expected, AckBuilder.WantsAcceptAck(Message(msh15: msh15), success));
    }
}

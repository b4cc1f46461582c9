using Switchboard.Hl7v2.Writing;

namespace Switchboard.Hl7v2.Tests.Writing;

public class Hl7WriterTests
{
    [Fact]
    public void Write_WellFormedMessage_RoundTripsByteForByte()
    {
        const string text = "MSH|^~\\&|A|B|C|D|20240101||ADT^A01|1|P|2.5\rPID|1||X~Y||DOE^JOHN\\S\\JR||\"\"\rZZZ|\r";

        var message = Hl7Parser.Parse(text).Value!;

        Assert.Equal(text, Hl7Writer.Write(message));
        Assert.Equal(text, message.ToString());
    }

    [Fact]
    public void Builder_Set_EscapesAndCreatesStructure()
    {
        var text = new Hl7MessageBuilder()
            .AddSegment("MSH", "APP", "FAC", null, null, "20240101", null, "ADT^A01", "1", "P", "2.5.1")
            .Set("PID-5[2].2", "O|Brien^x")
            .Set("PID-3.4.2", "1.2.3")
            .Set("OBX[2]-5", "second")
            .Build();

        var message = Hl7Parser.Parse(text).Value!;

        Assert.Equal("O|Brien^x", message.GetValue("PID-5[2].2"));
        Assert.Equal("1.2.3", message.GetValue("PID-3.4.2"));
        Assert.Equal("second", message.GetValue("OBX[2]-5"));
        Assert.Equal("ADT\\S\\A01", message.Get("MSH-9").Raw);
        Assert.Equal(2, message.SegmentsWithId("OBX").Count());
    }

    [Fact]
    public void Builder_From_EditsOneValueAndKeepsTheRest()
    {
        const string text = "MSH|^~\\&|A||||||ADT^A01|1|P|2.5\rPID|1||X^^^H&1.2&ISO||DOE^JOHN\r";

        var edited = Hl7MessageBuilder.From(Hl7Parser.Parse(text).Value!).SetRaw("PID-5.2", "JANE").Build();

        Assert.Equal(text.Replace("JOHN", "JANE", StringComparison.Ordinal), edited);
    }

    [Fact]
    public void Builder_SetMsh2_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new Hl7MessageBuilder().Set("MSH-2", "x"));
    }
}

namespace Switchboard.Hl7v2.Tests;

public class Hl7PathTests
{
    [Theory]
    [InlineData("PID-3[2].4.2", "PID", 1, 3, 2, 4, 2)]
    [InlineData("OBX[3]-5", "OBX", 3, 5, 0, 0, 0)]
    [InlineData("PID-5.1", "PID", 1, 5, 0, 1, 0)]
    [InlineData("MSH-9", "MSH", 1, 9, 0, 0, 0)]
    [InlineData(" ZX1[2]-10[3].1.1 ", "ZX1", 2, 10, 3, 1, 1)]
    [InlineData("PID.5", "PID", 1, 5, 0, 0, 0)]
    public void TryParse_ValidPaths_Parsed(string text, string id, int occurrence, int field, int repetition, int component, int sub)
    {
        Assert.True(Hl7Path.TryParse(text, out var path));
        Assert.Equal(new Hl7Path(id, occurrence, field, repetition, component, sub), path);
    }

    [Theory]
    [InlineData("")]
    [InlineData("PID")]
    [InlineData("PID-")]
    [InlineData("PID-0")]
    [InlineData("pid-3")]
    [InlineData("PID-3[")]
    [InlineData("PID-3[0]")]
    [InlineData("PID-3.1.2.3")]
    [InlineData("PID-3x")]
    [InlineData("PID[-1]-3")]
    [InlineData("PID-999999")]
    public void TryParse_InvalidPaths_ReturnFalse(string text)
    {
        Assert.False(Hl7Path.TryParse(text, out _));
        Assert.Throws<FormatException>(() => Hl7Path.Parse(text));
    }

    [Theory]
    [InlineData("PID-3[2].4.2")]
    [InlineData("OBX[3]-5")]
    [InlineData("PID-5.1")]
    public void ToString_Canonical_RoundTrips(string text)
    {
        Assert.Equal(text, Hl7Path.Parse(text).ToString());
    }
}

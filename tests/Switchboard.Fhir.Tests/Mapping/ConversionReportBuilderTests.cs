using Switchboard.Fhir.Mapping;
using Switchboard.Hl7v2;

namespace Switchboard.Fhir.Tests.Mapping;

public class ConversionReportBuilderTests
{
    [Theory]
    [InlineData("", 0UL, 0)]
    [InlineData("A", 0b10UL, 1)]
    [InlineData("A^^C", 0b1010UL, 3)]
    [InlineData("^B~C", 0b110UL, 2)]
    [InlineData("^^~^^^D", 0b10000UL, 4)]
    [InlineData("A&B^C", 0b110UL, 2)]
    [InlineData("\"\"", 0b10UL, 1)]
    public void PopulatedComponents_RawField_BitPerNonEmptyComponentOverRepetitions(string raw, ulong expected, int widest)
    {
        var bits = ConversionReportBuilder.PopulatedComponents(raw, Hl7Delimiters.Default, out var max);
        Assert.Equal(expected, bits);
        Assert.Equal(widest, max);
    }

    [Fact]
    public void Translate_ComponentPartlyConsumed_ReportsOnlyMissingComponents()
    {
        // PID-5.8 and PID-5.9 are not read by the XPN mapping; the rest of PID-5 is.
        var text = TestFiles.Read("ADT/adt-a28-person.hl7");
        var pid = text.Split('\r').Single(l => l.StartsWith("PID|", StringComparison.Ordinal));
        var fields = pid.Split('|');
        fields[5] = "Roe^Ann^^^^^L^X^Y";
        var report = TestFiles.Translate(text.Replace(pid, string.Join('|', fields), StringComparison.Ordinal)).Report;
        Assert.Contains("PID-5.8", report.UnmappedFields);
        Assert.Contains("PID-5.9", report.UnmappedFields);
        Assert.DoesNotContain("PID-5", report.UnmappedFields);
        Assert.DoesNotContain("PID-5.1", report.UnmappedFields);
    }
}

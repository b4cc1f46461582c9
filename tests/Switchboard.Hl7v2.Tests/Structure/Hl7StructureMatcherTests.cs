using Switchboard.Hl7v2.Structure;

namespace Switchboard.Hl7v2.Tests.Structure;

public class Hl7StructureMatcherTests
{
    private const string Oru =
        "MSH|^~\\&|LAB||EHR||20240101||ORU^R01|1|P|2.3\r" +
        "PID|1||123\r" +
        "NTE|1||patient note\r" +
        "PV1|1|O\r" +
        "OBR|1||A1|CBC\r" +
        "NTE|1||order note\r" +
        "OBX|1|NM|WBC||5.0\r" +
        "NTE|1||wbc note\r" +
        "ZOB|custom\r" +
        "OBX|2|NM|RBC||4.5\r" +
        "OBR|2||A2|BMP\r" +
        "OBX|1|NM|NA||140\r" +
        "NTE|1||na note\r";

    [Fact]
    public void Match_OruWithoutMsh93_GroupsNteAndObxUnderTheirParents()
    {
        var message = Hl7Parser.Parse(Oru).Value!;
        var issues = new List<Hl7Issue>();

        var root = Hl7StructureMatcher.Match(message, issues);

        Assert.Equal("ORU_R01", root.Name);
        var result = root.Group("PATIENT_RESULT")!;
        Assert.Equal("patient note", result.Group("PATIENT")!.Segment("NTE").Field(3).Value);
        var orders = result.GroupsNamed("ORDER_OBSERVATION").ToList();
        Assert.Equal(2, orders.Count);
        Assert.Equal("order note", orders[0].Segment("NTE").Field(3).Value);
        var observations = orders[0].GroupsNamed("OBSERVATION").ToList();
        Assert.Equal(2, observations.Count);
        Assert.Equal("wbc note", observations[0].Segment("NTE").Field(3).Value);
        Assert.True(observations[0].Segment("ZOB").Exists);
        Assert.False(observations[1].Segment("NTE").Exists);
        Assert.Equal("na note", orders[1].Group("OBSERVATION")!.Segment("NTE").Field(3).Value);
        Assert.DoesNotContain(issues, i => i.Severity >= Hl7Severity.Warning);
        Assert.Equal(message.SegmentCount, root.AllSegments().Count());
    }

    [Theory]
    [InlineData("ADT^A04", "ADT_A01")]
    [InlineData("ADT^A08", "ADT_A01")]
    [InlineData("ADT^A28", "ADT_A05")]
    [InlineData("ADT^A40", "ADT_A39")]
    [InlineData("RDE^O01", "RDE_O11")]
    [InlineData("SIU^S14", "SIU_S12")]
    [InlineData("MDM^T04", "MDM_T02")]
    [InlineData("REF^I12", "REF_I12")]
    [InlineData("VXU^V04", "VXU_V04")]
    [InlineData("ADT^A01^ADT_A01", "ADT_A01")]
    [InlineData("BAR^P01", "")]
    public void Resolve_MessageType_GivesStructure(string msh9, string structure)
    {
        var message = Hl7Parser.Parse($"MSH|^~\\&|A||||||{msh9}|1|P|2.3\r").Value!;

        Assert.Equal(structure, Hl7Structures.Resolve(message));
    }

    [Fact]
    public void Match_SiuWithoutSch_ReportsMissingRequiredSegment()
    {
        var message = Hl7Parser.Parse("MSH|^~\\&|A||||||SIU^S12|1|P|2.3.1\rPID|1||X\r").Value!;
        var issues = new List<Hl7Issue>();

        Hl7StructureMatcher.Match(message, issues, Hl7ParseOptions.Strict);

        Assert.Contains(issues, i => i.Code == Hl7IssueCodes.MissingRequiredSegment && i.Message.Contains("SCH", StringComparison.Ordinal) && i.Severity == Hl7Severity.Error);
        Assert.Contains(issues, i => i.Code == Hl7IssueCodes.MissingRequiredSegment && i.Message.Contains("RESOURCES", StringComparison.Ordinal));
    }

    [Fact]
    public void Match_OutOfOrderSegment_AttachedToRootAndReported()
    {
        var message = Hl7Parser.Parse("MSH|^~\\&|A||||||ADT^A01|1|P|2.5\rEVN|A01\rPID|1\rPV1|1\rIN1|1\rEVN|again\r").Value!;
        var issues = new List<Hl7Issue>();

        var root = Hl7StructureMatcher.Match(message, issues);

        var issue = Assert.Single(issues, i => i.Code == Hl7IssueCodes.UnexpectedSegment);
        Assert.Equal(6, issue.Location.Segment);
        Assert.Equal(2, root.SegmentsWithId("EVN").Count());
        Assert.True(root.Group("INSURANCE")!.Segment("IN1").Exists);
    }

    [Fact]
    public void Structure_Oml_GroupsSpecimenUnderRequest()
    {
        var text = "MSH|^~\\&|A||||||OML^O21^OML_O21|1|P|2.5.1\rPID|1\rORC|NW\rOBR|1\rSPM|1\rOBX|1|ST|x||y\r";

        var root = Hl7Parser.Parse(text).Value!.Structure;

        var specimen = root.Group("ORDER")!.Group("OBSERVATION_REQUEST")!.Group("SPECIMEN")!;
        Assert.True(specimen.Segment("OBX").Exists);
        Assert.Equal("ORDER_OBSERVATION", Hl7Parser.Parse(Oru).Value!.Structure.Descendants("ORDER_OBSERVATION").First().Name);
    }

    [Fact]
    public void Structure_UnknownStructure_IsFlat()
    {
        var root = Hl7Parser.Parse("MSH|^~\\&|A||||||BAR^P01|1|P|2.3\rPID|1\rPV1|1\r").Value!.Structure;

        Assert.Empty(root.Groups);
        Assert.Equal(3, root.Segments.Count());
    }
}

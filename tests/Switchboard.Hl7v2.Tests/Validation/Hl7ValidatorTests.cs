using Switchboard.Hl7v2.Validation;

namespace Switchboard.Hl7v2.Tests.Validation;

public class Hl7ValidatorTests
{
    private const string Valid =
        "MSH|^~\\&|A|B|C|D|20240101120000||ADT^A01^ADT_A01|1|P|2.5.1\rEVN|A01|20240101\rPID|1||X||DOE||19800101|M\rPV1|1|I\r";

    [Fact]
    public void Validate_ValidMessage_HasNoWarningsOrErrors()
    {
        var issues = Hl7Validator.Validate(Hl7Parser.Parse(Valid).Value!, Hl7ParseOptions.Strict);

        Assert.DoesNotContain(issues, i => i.Severity >= Hl7Severity.Warning);
    }

    [Theory]
    [InlineData("|20240101120000|", "||", Hl7IssueCodes.MissingMessageDateTime)]
    [InlineData("|20240101120000|", "|2024130112|", Hl7IssueCodes.InvalidDateTime)]
    [InlineData("|ADT^A01^ADT_A01|", "||", Hl7IssueCodes.MissingMessageType)]
    [InlineData("|ADT^A01^ADT_A01|", "|ADT|", Hl7IssueCodes.MissingTriggerEvent)]
    [InlineData("|1|P|", "||P|", Hl7IssueCodes.MissingControlId)]
    [InlineData("|1|P|", "|1|X|", Hl7IssueCodes.BadProcessingId)]
    [InlineData("|2.5.1\r", "|\r", Hl7IssueCodes.MissingVersion)]
    [InlineData("|2.5.1\r", "|3.0\r", Hl7IssueCodes.UnknownVersion)]
    [InlineData("|19800101|", "|1980-01-01|", Hl7IssueCodes.InvalidDateTime)]
    [InlineData("PID|1|", "PID|one|", Hl7IssueCodes.InvalidSequenceId)]
    [InlineData("|M\r", "|Q\r", Hl7IssueCodes.InvalidCodedValue)]
    [InlineData("|M\r", "|M^F\r", Hl7IssueCodes.MalformedCodedValue)]
    [InlineData("EVN|A01|20240101\r", "", Hl7IssueCodes.MissingRequiredSegment)]
    [InlineData("PV1|1|I\r", "PV1|1|I\rEVN|A01\r", Hl7IssueCodes.UnexpectedSegment)]
    [InlineData("|DOE|", "|DOE\\Q\\|", Hl7IssueCodes.BadEscape)]
    [InlineData("PV1|1|I\r", "PV1|1|I\rOBX|1|NM|x||abc\r", Hl7IssueCodes.InvalidNumber)]
    public void Validate_Defect_ReturnsIssueCode(string find, string replace, string code)
    {
        var text = Valid.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Valid, text);

        var issues = Hl7Validator.Validate(Hl7Parser.Parse(text).Value!, Hl7ParseOptions.Strict);

        var issue = Assert.Single(issues, i => i.Code == code);
        Assert.True(issue.Location.Message == 1);
    }

    [Fact]
    public void Validate_LenientVersusStrict_ChangesSeverityOnly()
    {
        var message = Hl7Parser.Parse(Valid.Replace("|19800101|", "|1980|x|", StringComparison.Ordinal).Replace("2.5.1", "2.5.x", StringComparison.Ordinal)).Value!;

        var lenient = Hl7Validator.Validate(message, Hl7ParseOptions.Lenient);
        var strict = Hl7Validator.Validate(message, Hl7ParseOptions.Strict);

        Assert.Equal(lenient.Select(i => i.Code), strict.Select(i => i.Code));
        Assert.Contains(lenient, i => i.Code == Hl7IssueCodes.UnknownVersion && i.Severity == Hl7Severity.Warning);
        Assert.Contains(strict, i => i.Code == Hl7IssueCodes.UnknownVersion && i.Severity == Hl7Severity.Error);
    }

    [Fact]
    public void Validate_MissingControlId_IsErrorEvenWhenLenient()
    {
        var message = Hl7Parser.Parse(Valid.Replace("|1|P|", "||P|", StringComparison.Ordinal)).Value!;

        var issue = Assert.Single(Hl7Validator.Validate(message), i => i.Code == Hl7IssueCodes.MissingControlId);

        Assert.Equal(Hl7Severity.Error, issue.Severity);
        Assert.Equal(10, issue.Location.Field);
        Assert.Equal("MSH", issue.Location.SegmentId);
    }
}

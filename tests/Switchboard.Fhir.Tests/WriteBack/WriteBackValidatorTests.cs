using System.Text.Json.Nodes;
using Switchboard.Fhir.WriteBack;

namespace Switchboard.Fhir.Tests.WriteBack;

public sealed class WriteBackValidatorTests
{
    private static JsonObject Doc(string json) => (JsonObject)JsonNode.Parse(json)!;

    [Fact]
    public void Validate_ValidPatientAndPassingRule_NoIssues() =>
        Assert.Empty(WriteBackValidator.Validate(Doc("""{"resourceType":"Patient","gender":"male","name":[{"family":"Test"}]}"""), ["name.exists()"]));

    [Fact]
    public void Validate_CreatedAllergyWithIdentifier_NoIssues() =>
        Assert.Empty(WriteBackValidator.Validate(
            Doc("""{"resourceType":"AllergyIntolerance","patient":{"reference":"Patient/example"},"code":{"text":"peanut"},"identifier":[{"system":"urn:switchboard:writeback","value":"wb-1"}]}"""),
            null));

    [Fact]
    public void Validate_FailingRule_ReportsRule() =>
        Assert.Equal(["Rule failed: name.exists()"], WriteBackValidator.Validate(Doc("""{"resourceType":"Patient","gender":"male"}"""), ["name.exists()"]));

    [Theory]
    [InlineData("""{"resourceType":"Patient","gender":"robot"}""")]
    [InlineData("""{"resourceType":"Patient","birthDate":"yesterday"}""")]
    [InlineData("""{"resourceType":"Patient","colour":"blue"}""")]
    [InlineData("""{"resourceType":"AllergyIntolerance"}""")]
    public void Validate_InvalidResource_ReportsWithoutValues(string json)
    {
        var issues = WriteBackValidator.Validate(Doc(json), null);

        Assert.NotEmpty(issues);
        Assert.DoesNotContain(issues, i => i.Contains("robot", StringComparison.Ordinal) || i.Contains("yesterday", StringComparison.Ordinal) || i.Contains("blue", StringComparison.Ordinal));
    }
}

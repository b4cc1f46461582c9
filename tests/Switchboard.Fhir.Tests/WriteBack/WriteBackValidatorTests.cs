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
            Doc("""{"resourceType":"AllergyIntolerance","patient":{"reference":"Patient/example"},"code":{"text":"peanut"},"clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical","code":"active"}]},"identifier":[{"system":"urn:switchboard:writeback","value":"wb-1"}]}"""),
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

public sealed class WriteBackValidatorInvariantTests
{
    private static JsonObject Doc(string json) => (JsonObject)JsonNode.Parse(json)!;

    [Theory]
    [InlineData("""{"resourceType":"AllergyIntolerance","patient":{"reference":"Patient/1"}}""", "ait-1")]
    [InlineData("""{"resourceType":"AllergyIntolerance","patient":{"reference":"Patient/1"},"clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical","code":"active"}]},"verificationStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-verification","code":"entered-in-error"}]}}""", "ait-2")]
    [InlineData("""{"resourceType":"Patient","contact":[{"gender":"male"}]}""", "pat-1")]
    [InlineData("""{"resourceType":"Patient","telecom":[{"value":"555-0100"}]}""", "cpt-2")]
    [InlineData("""{"resourceType":"Patient","address":[{"city":"X","period":{"start":"2020-01-01","end":"2019-01-01"}}]}""", "per-1")]
    [InlineData("""{"resourceType":"Condition","subject":{"reference":"Patient/1"},"abatementDateTime":"2020-01-01","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]}}""", "con-4")]
    [InlineData("""{"resourceType":"Observation","status":"final","code":{"text":"x"},"valueString":"a","dataAbsentReason":{"text":"y"}}""", "obs-6")]
    public void Validate_CoreInvariantBroken_ReportsInvariantKey(string json, string key) =>
        Assert.Contains($"Invariant {key} failed", WriteBackValidator.Validate(Doc(json), null));

    [Theory]
    [InlineData("""{"resourceType":"AllergyIntolerance","patient":{"reference":"Patient/1"},"clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical","code":"active"}]}}""")]
    [InlineData("""{"resourceType":"Patient","contact":[{"name":{"family":"A"}}],"telecom":[{"system":"phone","value":"1"}],"address":[{"period":{"start":"2019-01-01","end":"2020-01-01"}}]}""")]
    [InlineData("""{"resourceType":"Condition","subject":{"reference":"Patient/1"},"abatementDateTime":"2020-01-01","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"resolved"}]}}""")]
    public void Validate_CoreInvariantsHold_NoIssues(string json) =>
        Assert.Empty(WriteBackValidator.Validate(Doc(json), null));
}

using Switchboard.Core.WriteBack;
using Switchboard.Fhir.WriteBack;

namespace Switchboard.Fhir.Tests.WriteBack;

public sealed class WriteBackAuthorizerTests
{
    private const string Phone = """{"system":"phone","value":"555-0100"}""";

    [Theory]
    [InlineData("crm", "Patient.birthDate", ChangeOperation.Set, "\"2000-01-01\"", WriteBackCodes.Mirror)]
    [InlineData("crm", "Patient.text", ChangeOperation.Set, "{}", WriteBackCodes.Derived)]
    [InlineData("ehr", "Patient.text", ChangeOperation.Set, "{}", WriteBackCodes.Derived)]
    [InlineData("portal", "AllergyIntolerance.note", ChangeOperation.Remove, null, WriteBackCodes.HistoryAppendOnly)]
    [InlineData("ehr", "AllergyIntolerance.note[0]", ChangeOperation.Set, "{\"text\":\"x\"}", WriteBackCodes.HistoryAppendOnly)]
    [InlineData("crm", "AllergyIntolerance.note", ChangeOperation.Add, "{\"text\":\"x\"}", WriteBackCodes.Mirror)]
    [InlineData("crm", "Observation.status", ChangeOperation.Set, "\"final\"", WriteBackCodes.BadChange)]
    [InlineData("crm", "Encounter.status", ChangeOperation.Set, "\"finished\"", WriteBackCodes.BadChange)]
    [InlineData("crm", "Patient.telecom.where(system='phone')", ChangeOperation.Set, "[]", WriteBackCodes.BadChange)]
    [InlineData("crm", "Patient.telecom", ChangeOperation.Add, null, WriteBackCodes.BadChange)]
    [InlineData("unknown-system", "Patient.telecom", ChangeOperation.Add, Phone, WriteBackCodes.Mirror)]
    public void Authorize_ForbiddenChange_RejectsWithCode(string proposer, string path, ChangeOperation op, string? value, string expectedCode)
    {
        var type = path.Split('.')[0] is "Observation" or "Encounter" ? "Patient" : path.Split('.')[0];
        var request = SeedOwnership.Request(proposer, type, new FieldChange(op, path, value));

        var result = WriteBackAuthorizer.Authorize(SeedOwnership.Registry(), request);

        Assert.Equal(AuthorizationDecision.Rejected, result.Decision);
        Assert.Equal(expectedCode, result.Code);
        Assert.Empty(result.Changes);
    }

    [Fact]
    public void Authorize_NoRuleCoversPath_RejectsWb001()
    {
        var request = SeedOwnership.Request("crm", "Observation", new FieldChange(ChangeOperation.Set, "Observation.status", "\"final\""));

        var result = WriteBackAuthorizer.Authorize(SeedOwnership.Registry(), request);

        Assert.Equal(WriteBackCodes.NoRule, result.Code);
    }

    [Fact]
    public void Authorize_CoEditorOnOwnedSubfield_AllowsWithMostSpecificRule()
    {
        var request = SeedOwnership.Request("crm", "Patient", new FieldChange(ChangeOperation.Add, "Patient.telecom", Phone));

        var result = WriteBackAuthorizer.Authorize(SeedOwnership.Registry(), request);

        Assert.Equal(AuthorizationDecision.Allowed, result.Decision);
        var change = Assert.Single(result.Changes);
        Assert.Equal("Patient.telecom", change.RulePath);
        Assert.Equal(ConflictPolicy.Rebase, change.Policy);
        Assert.False(change.ProposerIsSystemOfRecord);
    }

    [Fact]
    public void Authorize_SuggesterAmongWriters_NeedsReview()
    {
        var request = SeedOwnership.Request(
            "portal",
            "Patient",
            new FieldChange(ChangeOperation.Add, "Patient.telecom", Phone),
            new FieldChange(ChangeOperation.Set, "Patient.address", """[{"city":"Springfield"}]"""));

        var result = WriteBackAuthorizer.Authorize(SeedOwnership.Registry(), request);

        Assert.Equal(AuthorizationDecision.NeedsReview, result.Decision);
        Assert.Equal(2, result.Changes.Count);
    }

    [Fact]
    public void Authorize_CreatorAddsHistory_Allowed()
    {
        var request = SeedOwnership.Request("portal", "AllergyIntolerance", new FieldChange(ChangeOperation.Add, "AllergyIntolerance.note", """{"text":"rash"}"""));

        var result = WriteBackAuthorizer.Authorize(SeedOwnership.Registry(), request);

        Assert.Equal(AuthorizationDecision.Allowed, result.Decision);
    }

    [Fact]
    public void Authorize_SystemOfRecord_AllowedAndMarked()
    {
        var request = SeedOwnership.Request("ehr", "Patient", new FieldChange(ChangeOperation.Set, "Patient.birthDate", "\"2000-01-01\""));

        var result = WriteBackAuthorizer.Authorize(SeedOwnership.Registry(), request);

        Assert.Equal(AuthorizationDecision.Allowed, result.Decision);
        Assert.True(Assert.Single(result.Changes).ProposerIsSystemOfRecord);
    }

    [Fact]
    public void Authorize_OneForbiddenAmongAllowed_RejectsWholeRequest()
    {
        var request = SeedOwnership.Request(
            "crm",
            "Patient",
            new FieldChange(ChangeOperation.Add, "Patient.telecom", Phone),
            new FieldChange(ChangeOperation.Set, "Patient.gender", "\"other\""));

        var result = WriteBackAuthorizer.Authorize(SeedOwnership.Registry(), request);

        Assert.Equal(AuthorizationDecision.Rejected, result.Decision);
        Assert.Contains("Patient.gender", result.Reason, StringComparison.Ordinal);
    }
}

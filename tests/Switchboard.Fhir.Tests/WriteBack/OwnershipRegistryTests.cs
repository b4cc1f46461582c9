using Switchboard.Core.WriteBack;
using Switchboard.Fhir.WriteBack;

namespace Switchboard.Fhir.Tests.WriteBack;

public sealed class OwnershipRegistryTests
{
    [Fact]
    public void Check_SeedExample_HasNoErrors() => Assert.Empty(OwnershipRegistry.Check(SeedOwnership.Rules()));

    [Theory]
    [InlineData("patient.telecom", "not Type")]
    [InlineData("Patient.telecom[0]", "no indexes")]
    [InlineData("Patient.telecom.where(system='phone')", "not Type")]
    public void Check_BadPath_ReportsIt(string path, string expected)
    {
        var errors = OwnershipRegistry.Check([SeedOwnership.Rule(path, "ehr", DataClass.Operational, ConflictPolicy.Reject)]);

        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_DuplicatePath_ReportsIt()
    {
        var rule = SeedOwnership.Rule("Patient.name", "ehr", DataClass.Operational, ConflictPolicy.Reject);

        Assert.Contains(OwnershipRegistry.Check([rule, rule]), e => e.Contains("twice", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_DerivedFieldWithWriter_ReportsIt()
    {
        var rule = SeedOwnership.Rule("Patient.text", "ehr", DataClass.DerivedDisplay, ConflictPolicy.Reject, ("crm", FieldRole.CoEditor));

        Assert.Contains(OwnershipRegistry.Check([rule]), e => e.Contains("derived", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_SystemOfRecordWithRole_ReportsIt()
    {
        var rule = SeedOwnership.Rule("Patient.name", "ehr", DataClass.Operational, ConflictPolicy.Reject, ("ehr", FieldRole.Suggester));

        Assert.Contains(OwnershipRegistry.Check([rule]), e => e.Contains("cannot also have a role", StringComparison.Ordinal));
    }

    [Fact]
    public void Constructor_InvalidRules_Throws() =>
        Assert.Throws<ArgumentException>(() => new OwnershipRegistry([SeedOwnership.Rule("x", "ehr", DataClass.Operational, ConflictPolicy.Reject)]));

    [Theory]
    [InlineData("Patient.telecom", "Patient.telecom")]
    [InlineData("Patient.telecom[1].value", "Patient.telecom")]
    [InlineData("Patient.telecomExtra", "Patient")]
    [InlineData("Patient.gender", "Patient")]
    public void Find_Path_ReturnsLongestCoveringRule(string path, string expectedRule)
    {
        Assert.True(ElementPath.TryParse(path, out var parsed));

        Assert.Equal(expectedRule, SeedOwnership.Registry().Find(parsed)?.Path);
    }

    [Fact]
    public void WriteBackOptions_InvalidRuleAndTarget_FailValidation()
    {
        var options = new WriteBackOptions
        {
            Ownership = [SeedOwnership.Rule("bad path", "ehr", DataClass.Operational, ConflictPolicy.Reject)],
            Targets = { ["epic"] = new WriteBackTargetOptions { BaseUrl = new Uri("http://x/fhir"), CreateOnly = true, SupportsPatch = true } },
            Rules = { ["Patient"] = ["name.exists("] },
        };

        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).Select(e => e.ErrorMessage).ToList();

        Assert.Equal(3, errors.Count);
    }
}

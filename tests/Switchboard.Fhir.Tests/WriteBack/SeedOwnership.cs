using Switchboard.Core.WriteBack;
using Switchboard.Fhir.WriteBack;

namespace Switchboard.Fhir.Tests.WriteBack;

/// <summary>The worked example of docs/writeback.md: EHR owns demographics and clinical data, CRM owns outreach and consent fields.</summary>
internal static class SeedOwnership
{
    public static List<OwnershipRule> Rules() =>
    [
        Rule("Patient", "ehr", DataClass.Operational, ConflictPolicy.Reject, ("crm", FieldRole.Mirror), ("portal", FieldRole.Mirror)),
        Rule("Patient.telecom", "ehr", DataClass.Operational, ConflictPolicy.Rebase, ("crm", FieldRole.CoEditor), ("portal", FieldRole.Suggester)),
        Rule("Patient.address", "ehr", DataClass.Operational, ConflictPolicy.Review, ("crm", FieldRole.CoEditor), ("portal", FieldRole.Suggester)),
        Rule("Patient.communication", "crm", DataClass.Operational, ConflictPolicy.SourceWins, ("ehr", FieldRole.CoEditor)),
        Rule("Patient.text", "ehr", DataClass.DerivedDisplay, ConflictPolicy.Reject, ("crm", FieldRole.Mirror)),
        Rule("AllergyIntolerance", "ehr", DataClass.Operational, ConflictPolicy.Review, ("portal", FieldRole.Suggester)),
        Rule("AllergyIntolerance.note", "ehr", DataClass.History, ConflictPolicy.Rebase, ("portal", FieldRole.Creator), ("crm", FieldRole.Mirror)),
        Rule("Appointment.status", "scheduling", DataClass.Operational, ConflictPolicy.Review, ("crm", FieldRole.CoEditor)),
        Rule("Consent", "crm", DataClass.Operational, ConflictPolicy.SourceWins, ("ehr", FieldRole.Mirror)),
    ];

    public static OwnershipRegistry Registry() => new(Rules());

    public static OwnershipRule Rule(string path, string owner, DataClass dataClass, ConflictPolicy policy, params (string System, FieldRole Role)[] roles) => new()
    {
        Path = path,
        SystemOfRecord = owner,
        DataClass = dataClass,
        ConflictPolicy = policy,
        Roles = roles.ToDictionary(r => r.System, r => r.Role),
    };

    public static WriteBackRequest Request(string proposer, string type, params FieldChange[] changes) =>
        new("ehr", type, "1", "1", changes, proposer, "user-1", "test", "key-1");
}

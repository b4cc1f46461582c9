using Hl7.Fhir.Model;
using Switchboard.Hl7v2;

namespace Switchboard.Fhir.Mapping;

/// <summary>
/// WALKING-SKELETON PID → Patient (IG sheet "Segment PID to Patient"): identifiers, name, birth date, gender.
/// The translation issue replaces this with the full mapping set.
/// </summary>
public static class PidToPatientMapper
{
    public static Patient Map(Hl7Message message, string source)
    {
        ArgumentNullException.ThrowIfNull(message);
        var patient = new Patient();
        var pid = message.Segment("PID");
        foreach (var repetition in pid.Field(3).Repetitions)
        {
            var value = repetition.Component(1).Value;
            if (value.Length > 0)
            {
                patient.Identifier.Add(new Identifier(IdentifierSystem(repetition, source), value));
            }
        }

        var name = pid.Field(5).Repetition(1);
        var family = name.Component(1).SubComponent(1).Value;
        var given = name.Component(2).Value;
        if (family.Length > 0 || given.Length > 0)
        {
            patient.Name.Add(new HumanName { Family = NullIfEmpty(family), Given = given.Length > 0 ? [given] : [] });
        }

        var birth = pid.Field(7).Component(1).Value;
        if (birth.Length >= 8)
        {
            patient.BirthDate = $"{birth[..4]}-{birth[4..6]}-{birth[6..8]}";
        }

        patient.Gender = pid.Field(8).Value switch
        {
            "M" => AdministrativeGender.Male,
            "F" => AdministrativeGender.Female,
            "O" or "A" => AdministrativeGender.Other,
            "U" => AdministrativeGender.Unknown,
            _ => null,
        };
        return patient;
    }

    // CX.4 assigning authority (HD): an ISO OID becomes urn:oid:, otherwise the authority is scoped by source.
    private static string IdentifierSystem(Hl7Value identifier, string source)
    {
        var authority = identifier.Component(4);
        var universalId = authority.SubComponent(2).Value;
        if (authority.SubComponent(3).Value == "ISO" && universalId.Length > 0)
        {
            return "urn:oid:" + universalId;
        }

        var namespaceId = authority.SubComponent(1).Value;
        return $"urn:switchboard:{source}:{(namespaceId.Length > 0 ? namespaceId : "local")}";
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

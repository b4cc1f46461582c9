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
        for (var rep = 1; rep <= message.CountRepetitions("PID", 3); rep++)
        {
            var value = message.GetValue("PID", 3, rep, 1);
            if (value.Length > 0)
            {
                patient.Identifier.Add(new Identifier(IdentifierSystem(message, rep, source), value));
            }
        }

        var family = message.GetValue("PID", 5, 1, 1);
        var given = message.GetValue("PID", 5, 1, 2);
        if (family.Length > 0 || given.Length > 0)
        {
            patient.Name.Add(new HumanName { Family = NullIfEmpty(family), Given = given.Length > 0 ? [given] : [] });
        }

        var birth = message.GetValue("PID", 7);
        if (birth.Length >= 8)
        {
            patient.BirthDate = $"{birth[..4]}-{birth[4..6]}-{birth[6..8]}";
        }

        patient.Gender = message.GetValue("PID", 8) switch
        {
            "M" => AdministrativeGender.Male,
            "F" => AdministrativeGender.Female,
            "O" or "A" => AdministrativeGender.Other,
            "U" => AdministrativeGender.Unknown,
            _ => null,
        };
        return patient;
    }

    // CX.4 assigning authority: an ISO OID becomes urn:oid:, otherwise the authority is scoped by source.
    private static string IdentifierSystem(Hl7Message message, int rep, string source)
    {
        var universalId = message.GetValue("PID", 3, rep, 4);
        var authority = universalId.Split('&');
        if (authority.Length >= 3 && authority[2] == "ISO" && authority[1].Length > 0)
        {
            return "urn:oid:" + authority[1];
        }

        return $"urn:switchboard:{source}:{(authority[0].Length > 0 ? authority[0] : "local")}";
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

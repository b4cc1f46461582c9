using Hl7.Fhir.Model;
using Switchboard.Identity;

namespace Switchboard.Functions.Identity;

/// <summary>
/// FHIR Patient → <see cref="PatientRegistration"/> (the identity record; Identity has no Firely types). The chart is
/// the identifier typed MR (else the first identifier): system → source system, value → MRN. Names: the official
/// (else usual, else first) name. Address: the home (else first) address. Phone and e-mail: the first of each.
/// SSN last four: an identifier with the US SSN system.
/// </summary>
public static class PatientRegistrationMapper
{
    public const string SsnSystem = "http://hl7.org/fhir/sid/us-ssn";

    public static PatientRegistration ToRegistration(Patient patient, string recordId)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var chart = patient.Identifier.FirstOrDefault(i => i.Type?.Coding.Any(c => c.Code == "MR") == true && i.Value is not null)
            ?? patient.Identifier.FirstOrDefault(i => i.Value is not null && i.System != SsnSystem);
        var name = patient.Name.FirstOrDefault(n => n.Use == HumanName.NameUse.Official)
            ?? patient.Name.FirstOrDefault(n => n.Use == HumanName.NameUse.Usual)
            ?? patient.Name.FirstOrDefault();
        var address = patient.Address.FirstOrDefault(a => a.Use == Address.AddressUse.Home) ?? patient.Address.FirstOrDefault();
        var phone = patient.Telecom.FirstOrDefault(t => t.System == ContactPoint.ContactPointSystem.Phone && !string.IsNullOrWhiteSpace(t.Value));
        var email = patient.Telecom.FirstOrDefault(t => t.System == ContactPoint.ContactPointSystem.Email && !string.IsNullOrWhiteSpace(t.Value));
        var ssn = patient.Identifier.FirstOrDefault(i => i.System == SsnSystem && i.Value is { Length: >= 4 })?.Value;
        return new PatientRegistration(
            recordId,
            chart?.System ?? string.Empty,
            chart?.Value ?? recordId,
            name?.Given.Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g!).ToArray() ?? [],
            name?.Family,
            name?.Suffix.FirstOrDefault(),
            patient.Gender switch
            {
                AdministrativeGender.Male => "male",
                AdministrativeGender.Female => "female",
                AdministrativeGender.Unknown or AdministrativeGender.Other => "unknown",
                _ => null,
            },
            patient.BirthDate,
            address?.Line.OfType<string>().ToArray() ?? [],
            address?.City,
            address?.State,
            address?.PostalCode,
            phone?.Value,
            email?.Value,
            ssn is null ? null : ssn[^4..]);
    }
}

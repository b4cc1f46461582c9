using Hl7.Fhir.Model;

namespace Switchboard.Functions.Propagation;

/// <summary>The patient a routed document is about, as a FHIR reference (<c>Patient/123</c>), or null.</summary>
public static class PatientReference
{
    public static string? Find(IEnumerable<Resource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        foreach (var resource in resources)
        {
            var reference = resource switch
            {
                Patient p when p.Id is not null => $"Patient/{p.Id}",
                Appointment a => a.Participant.Select(x => x.Actor?.Reference).FirstOrDefault(r => r?.StartsWith("Patient/", StringComparison.Ordinal) == true),
                Encounter e => e.Subject?.Reference,
                Observation o => o.Subject?.Reference,
                _ => null,
            };
            if (reference?.StartsWith("Patient/", StringComparison.Ordinal) == true)
            {
                return reference;
            }
        }

        return null;
    }
}

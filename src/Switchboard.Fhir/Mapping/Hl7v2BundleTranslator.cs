using Hl7.Fhir.Model;
using Switchboard.Hl7v2;

namespace Switchboard.Fhir.Mapping;

/// <summary>
/// WALKING-SKELETON translation of a v2 message to a transaction Bundle: the patient only, written by conditional
/// update on its first identifier. The translation issue replaces it with the IG mappings for every family.
/// </summary>
public static class Hl7v2BundleTranslator
{
    public const string MappingId = "skeleton/PID-to-Patient";

    public static Bundle Translate(Hl7Message message, string source)
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Transaction };
        var patient = PidToPatientMapper.Map(message, source);
        var identifier = patient.Identifier.FirstOrDefault();
        if (identifier is not null)
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = "urn:uuid:" + DeterministicGuid(source, identifier.System, identifier.Value),
                Resource = patient,
                Request = new Bundle.RequestComponent
                {
                    Method = Bundle.HTTPVerb.PUT,
                    Url = "Patient?identifier=" + Uri.EscapeDataString($"{identifier.System}|{identifier.Value}"),
                },
            });
        }

        return bundle;
    }

    private static Guid DeterministicGuid(params string?[] parts)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));
        return new Guid(hash.AsSpan(0, 16));
    }
}

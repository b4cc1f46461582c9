using Hl7.Fhir.Model;

namespace Switchboard.Fhir.Mapping;

/// <summary>Families not mapped yet in this version: reported as MAP004 until their mappers land.</summary>
public static partial class Hl7v2ToFhirTranslator
{
    private static void TranslateOrders(MappingSession s, Patient? patient, List<ResourceReference> focus) => Unsupported(s, patient, focus);

    private static void TranslatePharmacy(MappingSession s, Patient? patient, List<ResourceReference> focus) => Unsupported(s, patient, focus);

    private static void TranslateScheduling(MappingSession s, Patient? patient, List<ResourceReference> focus) => Unsupported(s, patient, focus);

    private static void TranslateDocument(MappingSession s, Patient? patient, List<ResourceReference> focus) => Unsupported(s, patient, focus);

    private static void TranslateReferral(MappingSession s, Patient? patient, List<ResourceReference> focus) => Unsupported(s, patient, focus);

    private static void TranslateImmunization(MappingSession s, Patient? patient, List<ResourceReference> focus) => Unsupported(s, patient, focus);

    private static void Unsupported(MappingSession s, Patient? patient, List<ResourceReference> focus)
    {
        _ = patient;
        _ = focus;
        s.Issue(MappingIssueCodes.UnsupportedMessage, MappingSeverity.Warning, "MSH-9", "No mapping for this message type yet.");
    }
}

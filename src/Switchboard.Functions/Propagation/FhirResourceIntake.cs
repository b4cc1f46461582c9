using System.Text;
using Hl7.Fhir.Model;
using Switchboard.Core.Envelopes;
using Switchboard.Fhir;
using Switchboard.Functions.Pipeline;

namespace Switchboard.Functions.Propagation;

/// <summary>
/// Accepts one version of one FHIR resource into the pipeline, keyed <c>{type}/{id}/_history/{versionId}</c>: the
/// same key whether the version arrived by notification or was found by reconciliation, so a version is processed
/// once however often it is seen.
/// </summary>
public sealed class FhirResourceIntake(EnvelopeAcceptance acceptance, PatientKeys patientKeys)
{
    public static string IdempotencyKey(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return $"{resource.TypeName}/{resource.Id}/_history/{resource.Meta?.VersionId}";
    }

    public Task<AcceptOutcome> AcceptAsync(string source, Resource resource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (string.IsNullOrEmpty(resource.Id) || string.IsNullOrEmpty(resource.Meta?.VersionId))
        {
            throw new ArgumentException("The resource needs an id and meta.versionId.", nameof(resource));
        }

        var patient = PatientReference.Find([resource]);
        return acceptance.AcceptAsync(
            new AcceptRequest(source, PayloadKind.FhirResource, IdempotencyKey(resource), resource.TypeName,
                Encoding.UTF8.GetBytes(FhirJsonText.Serialize(resource)), resource.Meta.LastUpdated,
                patient is null ? null : patientKeys.For(source, "Patient", patient),
                envelopeId => $"{{\"envelopeId\":\"{envelopeId}\",\"status\":\"accepted\"}}"),
            cancellationToken);
    }
}

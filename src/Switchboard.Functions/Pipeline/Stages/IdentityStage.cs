using System.Diagnostics;
using System.Text;
using Hl7.Fhir.Model;
using Switchboard.Core.Envelopes;
using Switchboard.Core.Hashing;
using Switchboard.Core.Ports;
using Switchboard.Fhir;
using Switchboard.Functions.Identity;
using Switchboard.Functions.Telemetry;

namespace Switchboard.Functions.Pipeline.Stages;

/// <summary>
/// Matches the translated Patient against the master patient index before routing, and stamps the enterprise id
/// on it as an identifier so every destination receives the same identity. Payloads without a Patient pass through.
/// </summary>
public sealed class IdentityStage(IPayloadStore payloads, PatientIdentityService identity) : IPipelineStage
{
    /// <summary>Identifier system of the enterprise (golden record) id Switchboard assigns.</summary>
    public const string EnterpriseIdSystem = "urn:switchboard:enterprise-id";

    public string Name => "identity";

    public ActivitySource ActivitySource => PipelineActivities.Identity;

    public async Task<StageResult> ProcessAsync(StageMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Envelope.Kind != PayloadKind.Hl7v2 || message.ArtifactBlob is null)
        {
            return new StageResult("not-applicable", Rule: "identity:none", Next: [(PipelineQueues.Route, message)]);
        }

        var bundle = FhirJsonText.Parse<Bundle>(Encoding.UTF8.GetString(await payloads.GetAsync(message.ArtifactBlob, cancellationToken)));
        if (bundle.Entry.Select(e => e.Resource).OfType<Patient>().FirstOrDefault() is not { } patient)
        {
            return new StageResult("no-patient", Rule: "identity:none", Next: [(PipelineQueues.Route, message)]);
        }

        var resolution = await identity.ResolveAsync(patient, cancellationToken);
        patient.Identifier.RemoveAll(i => i.System == EnterpriseIdSystem);
        patient.Identifier.Add(new Identifier(EnterpriseIdSystem, resolution.EnterpriseId) { Use = Identifier.IdentifierUse.Secondary });
        var output = Encoding.UTF8.GetBytes(FhirJsonText.Serialize(bundle));
        var blob = await payloads.PutAsync($"identified/{message.Envelope.Source}", output, cancellationToken);
        return new StageResult(
            resolution.Outcome.ToString().ToUpperInvariant(), PayloadHash.Of(output), $"identity:{resolution.Rule}",
            Target: resolution.ReviewItemId is { } review ? $"enterprise:{resolution.EnterpriseId};review:{review}" : $"enterprise:{resolution.EnterpriseId}",
            Next: [(PipelineQueues.Route, message with { ArtifactBlob = blob })]);
    }
}

using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using Switchboard.Core.Audit;
using Switchboard.Core.Envelopes;
using Switchboard.Core.Hashing;
using Switchboard.Core.Ports;
using Switchboard.Fhir;
using Switchboard.Fhir.Mapping;
using Switchboard.Fhir.Rest;
using Switchboard.Hl7v2;

namespace Switchboard.Functions.Pipeline;

/// <summary>
/// Walking-skeleton translate + deliver stage: PID → Patient, written by conditional update on the patient's
/// first identifier so a redelivered message updates the same Patient instead of creating a second one.
/// </summary>
public sealed class PatientSync(
    IRawPayloadStore payloads,
    FhirRestClient fhir,
    IAuditLog audit,
    TimeProvider time,
    ILogger<PatientSync> logger)
{
    public const string MappingId = "skeleton/PID-to-Patient";

    public async Task<FhirWriteResult?> ProcessAsync(MessageEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var raw = await payloads.GetAsync(envelope.BlobName, cancellationToken);
        var message = Hl7Parser.Parse(raw).GetValueOrThrow();
        var patient = PidToPatientMapper.Map(message, envelope.Source);
        var identifier = patient.Identifier.FirstOrDefault();
        if (identifier is null)
        {
            Log.NoPatientIdentifier(logger, envelope.EnvelopeId);
            await AuditAsync(envelope, outputHash: null, "skipped:no-identifier", target: null, cancellationToken);
            return null;
        }

        var json = FhirJsonText.Serialize(patient);
        var criteria = "identifier=" + Uri.EscapeDataString($"{identifier.System}|{identifier.Value}");
        var result = await fhir.ConditionalUpdateAsync(patient, criteria, cancellationToken);
        Log.Delivered(logger, envelope.EnvelopeId, "Patient", result.Status);
        await AuditAsync(envelope, PayloadHash.Of(Encoding.UTF8.GetBytes(json)), result.Created ? "created" : "updated", result.Location, cancellationToken);
        return result;
    }

    private Task AuditAsync(MessageEnvelope envelope, string? outputHash, string outcome, string? target, CancellationToken cancellationToken) =>
        audit.AppendAsync(
            new AuditEntry(envelope.EnvelopeId, "deliver", time.GetUtcNow(), envelope.Source, Activity.Current?.TraceId.ToString(),
                envelope.PayloadHash, outputHash, outcome, MappingId, Actor: "switchboard", target),
            cancellationToken);
}

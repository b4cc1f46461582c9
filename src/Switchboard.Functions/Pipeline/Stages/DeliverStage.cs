using System.Diagnostics;
using System.Net;
using System.Text;
using Hl7.Fhir.Model;
using Switchboard.Core.Envelopes;
using Switchboard.Core.Ordering;
using Switchboard.Core.Ports;
using Switchboard.Fhir;
using Switchboard.Fhir.Rest;
using Switchboard.Fhir.Routing;
using Switchboard.Functions.Propagation;
using Switchboard.Functions.Telemetry;

namespace Switchboard.Functions.Pipeline.Stages;

/// <summary>
/// Writes the translated Bundle to the FHIR destination, in event-time order per patient: an update older than
/// what was already applied for the patient is recorded as superseded and never overwrites newer state.
/// </summary>
/// <remarks>
/// The order check and the write race with other workers, so both are guarded: the high-water mark is claimed
/// under its storage ETag, and the patient is written with If-Match on the version read before the claim. A
/// newer event that slips in between makes our write fail with 412; we re-read and find ourselves superseded.
/// </remarks>
/// <para>Destinations other than a FHIR server (webhook, feed, Service Bus) go through <see cref="PropagationDelivery"/>.
/// A FHIR destination gets the Patient in order as above; other resources go in one transaction Bundle (PUT by id,
/// so a retry writes the same versions' content again and changes nothing).</para>
public sealed class DeliverStage(IPayloadStore payloads, IPatientOrderStore order, FhirRestClient fhir, RoutingRules rules, PropagationDelivery propagation) : IPipelineStage
{
    private const int MaxAttempts = 8;
    private const string Superseded = "superseded";

    public string Name => "deliver";

    public ActivitySource ActivitySource => PipelineActivities.Deliver;

    public async Task<StageResult> ProcessAsync(StageMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Destination is not { } name || rules.Find(name) is not { } destination)
        {
            throw new PipelineException(PipelineIssues.UnknownDestination, $"Envelope {message.Envelope.EnvelopeId} names no configured destination.");
        }

        if (destination.Type != DestinationTypes.Fhir)
        {
            return await propagation.DeliverAsync(message, name, destination, rules.RuleId(name), cancellationToken);
        }

        if (message.ArtifactBlob is null)
        {
            throw new PipelineException(PipelineIssues.DeliveryRejected, $"No artifact for envelope {message.Envelope.EnvelopeId}.");
        }

        var bundle = RoutingDocument.Read(await payloads.GetAsync(message.ArtifactBlob, cancellationToken))
            ?? throw new PipelineException(PipelineIssues.DeliveryRejected, $"The artifact of envelope {message.Envelope.EnvelopeId} is not FHIR.");
        if (bundle.Type != Bundle.BundleType.Transaction)
        {
            // FHIR notifications and reconciled versions: the focus resources, written by id.
            return await WriteResourcesAsync(bundle, rules.RuleId(name), cancellationToken);
        }

        var patientEntry = bundle.Entry.FirstOrDefault(e => e.Resource is Patient);
        if (patientEntry?.Resource is not Patient patient || !IsStateUpdate(message.Envelope))
        {
            // Results, orders and the like are additive history: the whole transaction goes as translated
            // (deterministic ids and conditional requests make a redelivery rewrite the same resources).
            return await SendAsync(bundle, "transaction", cancellationToken);
        }

        var written = await WritePatientInOrderAsync(message.Envelope, patient, PatientCriteria(patientEntry), name, cancellationToken);
        if (written.Outcome == Superseded || written.PatientId is null)
        {
            return written.Result;
        }

        // The patient is written (in order); the rest of the bundle follows with its references pointed at it.
        bundle.Entry.Remove(patientEntry);
        var rest = FhirJsonText.Serialize(bundle).Replace($"\"{patientEntry.FullUrl}\"", $"\"Patient/{written.PatientId}\"", StringComparison.Ordinal);
        var sent = await SendAsync(FhirJsonText.Parse<Bundle>(rest), written.Result.Outcome, cancellationToken);
        return sent with { Target = written.Result.Target, Rule = written.Result.Rule };
    }

    // ADT messages carry the patient's current state, so an older one must not overwrite a newer one.
    private static bool IsStateUpdate(MessageEnvelope envelope) => envelope.MessageType.StartsWith("ADT^", StringComparison.Ordinal);

    private async Task<StageResult> SendAsync(Bundle bundle, string outcome, CancellationToken cancellationToken)
    {
        if (bundle.Entry.Count == 0)
        {
            return new StageResult(outcome, Completes: true);
        }

        var response = await fhir.TransactionAsync(bundle, cancellationToken);
        var failed = response.Entry.Count(e => e.Response?.Status is { } status && !status.StartsWith('2'));
        if (failed > 0)
        {
            throw new PipelineException(PipelineIssues.DeliveryRejected, $"The FHIR server refused {failed} of {bundle.Entry.Count} entries.");
        }

        return new StageResult(outcome, Target: $"transaction:{bundle.Entry.Count}", Completes: true);
    }

    private async Task<StageResult> WriteResourcesAsync(Bundle document, string ruleId, CancellationToken cancellationToken)
    {
        var resources = RoutingDocument.Focus(document).Where(r => !string.IsNullOrEmpty(r.Id)).ToList();
        if (resources.Count == 0)
        {
            return new StageResult("nothing-to-deliver", Rule: ruleId, Completes: true);
        }

        var transaction = new Bundle
        {
            Type = Bundle.BundleType.Transaction,
            Entry = resources.Select(r => new Bundle.EntryComponent
            {
                Resource = r,
                Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.PUT, Url = $"{r.TypeName}/{r.Id}" },
            }).ToList(),
        };
        var response = await fhir.TransactionAsync(transaction, cancellationToken);
        return new StageResult("written", Rule: ruleId, Target: string.Join(',', response.Entry.Select(e => e.Response?.Location).Where(l => l is not null)), Completes: true);
    }

    private async Task<(StageResult Result, string Outcome, string? PatientId)> WritePatientInOrderAsync(
        MessageEnvelope envelope, Patient patient, string criteria, string destination, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var current = await CurrentAsync(criteria, cancellationToken);
            if (envelope is { PatientKey: { } key, EventTime: { } eventTime })
            {
                var applied = await order.GetAsync(key, destination, cancellationToken);
                if (applied is not null && applied.EventTime > eventTime)
                {
                    PipelineMetrics.OutOfOrder.Add(1, PipelineMetrics.SourceTag(envelope.Source));
                    return (new StageResult(Superseded, Rule: "order:event-time", Target: $"after:{applied.EnvelopeId}", Completes: true), Superseded, null);
                }

                if (!await order.TryClaimAsync(new PatientOrderState(key, destination, eventTime, envelope.EnvelopeId, applied?.ETag), cancellationToken))
                {
                    continue;
                }
            }

            try
            {
                FhirWriteResult result;
                if (current is null)
                {
                    result = await fhir.CreateAsync(patient, criteria, cancellationToken);
                    if (result.Status == (int)HttpStatusCode.OK)
                    {
                        continue; // Someone created it first: update that one, in order, on the next pass.
                    }
                }
                else
                {
                    patient.Id = current.Resource.Id;
                    result = await fhir.UpdateAsync(patient, current.VersionId, cancellationToken);
                }

                var outcome = result.Created ? "created" : "updated";
                return (new StageResult(outcome, Rule: "order:event-time", Target: result.Location, Completes: true), outcome, result.Id ?? patient.Id);
            }
            catch (FhirServerException ex) when (ex.Status == HttpStatusCode.PreconditionFailed)
            {
                // The patient moved since we read it: re-read and re-check the order.
            }
        }

        throw new TimeoutException($"Patient write for envelope {envelope.EnvelopeId} kept conflicting after {MaxAttempts} attempts.");
    }

    private async Task<VersionedResource<Patient>?> CurrentAsync(string criteria, CancellationToken cancellationToken)
    {
        var found = await fhir.SearchAsync("Patient", criteria, cancellationToken);
        return found.Entry.Select(e => e.Resource).OfType<Patient>().FirstOrDefault() is { } match
            ? new VersionedResource<Patient>(match, match.Meta?.VersionId)
            : null;
    }

    // The translator writes patients by conditional update on their identifier: reuse its criteria.
    private static string PatientCriteria(Bundle.EntryComponent entry) =>
        entry.Request?.Url is { } url && url.IndexOf('?', StringComparison.Ordinal) is var q and >= 0
            ? url[(q + 1)..]
            : throw new PipelineException(PipelineIssues.DeliveryRejected, "The patient entry has no identifier criteria.");
}

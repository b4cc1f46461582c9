using System.Diagnostics;
using Switchboard.Core.Audit;
using Switchboard.Core.Envelopes;
using Switchboard.Core.Ports;
using Switchboard.Fhir.Routing;
using Switchboard.Functions.Telemetry;

namespace Switchboard.Functions.Pipeline.Stages;

/// <summary>
/// Chooses destinations by the configured routing rules (<see cref="RoutingRules"/>; with none configured,
/// translated HL7 v2 goes to the FHIR server). Every decision, selected or rejected, is written to the envelope's
/// audit chain as the route log (stage <c>route:{destination}</c>, outcome <c>selected</c>/<c>rejected</c>, Rule =
/// rule id, Target = reason code); an envelope no rule selects completes here, recorded, never silently dropped.
/// </summary>
public sealed class RouteStage(RoutingRules rules, IPayloadStore payloads, IEnvelopeStore envelopes, TimeProvider time) : IPipelineStage
{
    public const string FhirDestination = RoutingRules.DefaultFhirDestination;

    public string Name => "route";

    public ActivitySource ActivitySource => PipelineActivities.Route;

    public async Task<StageResult> ProcessAsync(StageMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var envelope = message.Envelope;
        var document = message.ArtifactBlob is null ? null : RoutingDocument.Read(await payloads.GetAsync(message.ArtifactBlob, cancellationToken));
        var decisions = rules.Evaluate(new RouteInput(envelope.Source, envelope.Kind.ToString(), envelope.MessageType, document));

        // A redelivered route message must not log its decisions twice: skip those already on the chain since the last replay.
        var chain = await envelopes.ReadAuditAsync(envelope.EnvelopeId, cancellationToken);
        var lastReplay = chain.LastOrDefault(r => r.Entry.Stage == "replay")?.Sequence ?? 0;
        var logged = chain.Where(r => r.Sequence > lastReplay && r.Entry.Stage.StartsWith("route:", StringComparison.Ordinal)).Select(r => r.Entry.Stage).ToHashSet(StringComparer.Ordinal);
        foreach (var decision in decisions.Where(d => !logged.Contains(LogStage(d.Destination))))
        {
            await envelopes.AppendAuditAsync(
                new AuditEntry(envelope.EnvelopeId, LogStage(decision.Destination), time.GetUtcNow(), envelope.Source, Activity.Current?.TraceId.ToHexString(),
                    message.ArtifactBlob is null ? envelope.PayloadHash : message.ArtifactBlob[(message.ArtifactBlob.LastIndexOf('/') + 1)..], OutputHash: null,
                    decision.Selected ? "selected" : "rejected", decision.RuleId, Actor: "switchboard", Target: decision.Reason),
                cancellationToken);
        }

        var selected = decisions.Where(d => d.Selected).ToList();
        if (selected.Count == 0)
        {
            return new StageResult("routed:0", Rule: "route:no-destination", Completes: true);
        }

        return new StageResult(
            $"routed:{selected.Count}", Rule: string.Join(',', selected.Select(d => d.RuleId)), Target: string.Join(',', selected.Select(d => d.Destination)),
            Next: selected.Select(d => (PipelineQueues.Deliver, message with { Destination = d.Destination })).ToList());
    }

    /// <summary>The route log's stage name for a destination (never equal to a stage step, so redelivery checks are unaffected).</summary>
    public static string LogStage(string destination) => $"route:{destination}";
}

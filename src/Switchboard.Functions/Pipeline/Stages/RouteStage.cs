using System.Diagnostics;
using Switchboard.Core.Envelopes;
using Switchboard.Functions.Telemetry;

namespace Switchboard.Functions.Pipeline.Stages;

/// <summary>
/// Chooses destinations. Translated HL7 v2 goes to the FHIR destination; other kinds have no destination until
/// routing rules are configured, and the envelope completes here (recorded, never silently dropped).
/// </summary>
public sealed class RouteStage : IPipelineStage
{
    public const string FhirDestination = "fhir";

    public string Name => "route";

    public ActivitySource ActivitySource => PipelineActivities.Route;

    public Task<StageResult> ProcessAsync(StageMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Envelope.Kind != PayloadKind.Hl7v2)
        {
            return Task.FromResult(new StageResult("routed:0", Rule: "route:default:no-destination", Completes: true));
        }

        return Task.FromResult(new StageResult(
            "routed:1", Rule: "route:default:hl7v2-to-fhir", Target: FhirDestination,
            Next: [(PipelineQueues.Deliver, message with { Destination = FhirDestination })]));
    }
}

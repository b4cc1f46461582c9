using System.Diagnostics;

namespace Switchboard.Functions.Telemetry;

/// <summary>
/// One ActivitySource per stage, so operators can sample or filter a stage. Activities continue the trace of the
/// request that accepted the message (its W3C traceparent rides in the envelope), across every queue hop.
/// Tags are ids and codes only.
/// </summary>
public static class PipelineActivities
{
    public const string Prefix = "Switchboard.Pipeline.";

    public static readonly ActivitySource Intake = new(Prefix + "Intake");
    public static readonly ActivitySource Translate = new(Prefix + "Translate");
    public static readonly ActivitySource Identity = new(Prefix + "Identity");
    public static readonly ActivitySource Route = new(Prefix + "Route");
    public static readonly ActivitySource Deliver = new(Prefix + "Deliver");
    public static readonly ActivitySource Operations = new(Prefix + "Operations");

    /// <summary>Starts a stage activity as a child of the envelope's trace.</summary>
    public static Activity? StartStage(ActivitySource source, string name, string? traceParent, string envelopeId)
    {
        ActivityContext.TryParse(traceParent, traceState: null, out var parent);
        var activity = source.StartActivity(name, ActivityKind.Consumer, parent);
        activity?.SetTag("switchboard.envelope_id", envelopeId);
        return activity;
    }
}

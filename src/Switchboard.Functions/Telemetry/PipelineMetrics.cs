using System.Diagnostics.Metrics;

namespace Switchboard.Functions.Telemetry;

/// <summary>
/// The pipeline's counters. Tags are low-cardinality, non-PHI values only: source name, stage, issue code.
/// </summary>
public static class PipelineMetrics
{
    public const string MeterName = "Switchboard.Pipeline";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Received = Meter.CreateCounter<long>("switchboard.messages.received");
    public static readonly Counter<long> Accepted = Meter.CreateCounter<long>("switchboard.messages.accepted");
    public static readonly Counter<long> Rejected = Meter.CreateCounter<long>("switchboard.messages.rejected");
    public static readonly Counter<long> Duplicates = Meter.CreateCounter<long>("switchboard.messages.duplicates");
    public static readonly Counter<long> StageCompleted = Meter.CreateCounter<long>("switchboard.stage.completed");
    public static readonly Counter<long> StageFailed = Meter.CreateCounter<long>("switchboard.stage.failed");
    public static readonly Counter<long> DeadLettered = Meter.CreateCounter<long>("switchboard.messages.deadlettered");
    public static readonly Counter<long> OutOfOrder = Meter.CreateCounter<long>("switchboard.messages.out_of_order");
    public static readonly Counter<long> SubscriptionGaps = Meter.CreateCounter<long>("switchboard.subscription.gaps");
    public static readonly Histogram<double> QueueAge = Meter.CreateHistogram<double>("switchboard.queue.age", unit: "s");

    public static KeyValuePair<string, object?> SourceTag(string source) => new("source", source);

    public static KeyValuePair<string, object?> StageTag(string stage) => new("stage", stage);
}

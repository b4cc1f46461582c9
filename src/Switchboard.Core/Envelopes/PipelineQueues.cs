namespace Switchboard.Core.Envelopes;

/// <summary>
/// Names of the Storage queues between pipeline stages. Fixed names (not settings) because trigger attributes
/// and infrastructure must agree on them; environments are separated by storage account instead.
/// </summary>
public static class PipelineQueues
{
    public const string Translate = "switchboard-translate";
    public const string Identity = "switchboard-identity";
    public const string Route = "switchboard-route";
    public const string Deliver = "switchboard-deliver";

    /// <summary>Requests for an immediate reconciliation of one source (message text: the source name).</summary>
    public const string Reconcile = "switchboard-reconcile";

    /// <summary>Where the Functions runtime moves a message after maxDequeueCount failed attempts.</summary>
    public const string PoisonSuffix = "-poison";

    public static IReadOnlyList<string> All { get; } = [Translate, Identity, Route, Deliver];
}

namespace Switchboard.Core.Envelopes;

/// <summary>
/// Names of the Storage queues between pipeline stages. Fixed names (not settings) because trigger attributes
/// and infrastructure must agree on them; environments are separated by storage account instead.
/// </summary>
public static class PipelineQueues
{
    public const string Translate = "switchboard-translate";

    public static IReadOnlyList<string> All { get; } = [Translate];
}

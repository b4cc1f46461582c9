using System.Diagnostics;
using Switchboard.Core.Envelopes;
using Switchboard.Functions.Telemetry;

namespace Switchboard.Functions.Pipeline.Stages;

/// <summary>
/// The identity hook: where incoming patients are matched against the master patient index before routing.
/// Until the identity service is wired in, it records that no matching was done and passes the bundle on.
/// </summary>
public sealed class IdentityStage : IPipelineStage
{
    public string Name => "identity";

    public ActivitySource ActivitySource => PipelineActivities.Identity;

    public Task<StageResult> ProcessAsync(StageMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Task.FromResult(new StageResult("not-matched", Rule: "identity:none", Next: [(PipelineQueues.Route, message)]));
    }
}

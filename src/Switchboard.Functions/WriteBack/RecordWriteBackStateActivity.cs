using Microsoft.Azure.Functions.Worker;

namespace Switchboard.Functions.WriteBack;

/// <summary>Audits a state the orchestrator entered (terminal states, review verdicts).</summary>
public sealed class RecordWriteBackStateActivity(WriteBackWork work)
{
    [Function(nameof(RecordWriteBackStateActivity))]
    public Task RunAsync([ActivityTrigger] StateInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return work.AuditAsync(input.InstanceId, input.State, input.Code, input.Rule, WriteBackWork.Actor, input.Target, cancellationToken);
    }
}

using Microsoft.DurableTask;

namespace Switchboard.Functions.WriteBack;

/// <summary>
/// Durable retry policies for write-back activities. These cover failures the activity could not classify
/// (storage hiccups, a read that timed out, a crashed worker). Throttling and unavailability of the target are
/// <em>not</em> retried here: Durable's <see cref="RetryPolicy"/> backs off on a fixed schedule and cannot read
/// the server's Retry-After. So the write activities catch 429/503/time-outs and return the Retry-After, and the
/// orchestrator waits exactly that long with a durable timer (bounded by <c>MaxTransientAttempts</c>).
/// </summary>
public static class WriteBackRetryPolicies
{
    /// <summary>Five attempts, 1 s doubling to at most 30 s.</summary>
    public static TaskOptions Transient { get; } = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 5,
        firstRetryInterval: TimeSpan.FromSeconds(1),
        backoffCoefficient: 2,
        maxRetryInterval: TimeSpan.FromSeconds(30)));
}

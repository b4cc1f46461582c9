using Microsoft.Azure.Functions.Worker;
using Switchboard.Functions.Operations;

namespace Switchboard.Functions.Triggers;

/// <summary>Nightly retention run (02:30 UTC): see <see cref="RetentionService"/>.</summary>
public sealed class RetentionFunction(RetentionService retention)
{
    [Function(nameof(RetentionFunction))]
    public Task RunAsync([TimerTrigger("0 30 2 * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        retention.PurgeAsync(cancellationToken);
}

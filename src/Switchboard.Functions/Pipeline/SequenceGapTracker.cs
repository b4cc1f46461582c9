using System.Text;
using Microsoft.Extensions.Logging;
using Switchboard.Core.Hashing;
using Switchboard.Core.Ports;
using Switchboard.Core.Subscriptions;
using Switchboard.Functions.Telemetry;

namespace Switchboard.Functions.Pipeline;

/// <summary>
/// Watches numbered streams for lost messages: FHIR subscription event numbers and HL7 MSH-13 sequence numbers.
/// A number beyond last+1 means something was skipped; a running count (a subscription heartbeat) ahead of what
/// arrived means the tail was lost. The gap is stored with the stream's state; for a FHIR subscription an immediate
/// reconciliation is requested, which clears it (a v2 sender has to resend: nothing can be fetched from it).
/// </summary>
public sealed class SequenceGapTracker(ISubscriptionStateStore states, IReconcileRequests reconcile, TimeProvider time, ILogger<SequenceGapTracker> logger)
{
    private const int MaxAttempts = 5;

    /// <param name="stream">The subscription reference, or <c>MSH-13</c> for a v2 source's sequence.</param>
    /// <param name="numbers">The numbers this message carries, ascending (may be empty for a heartbeat).</param>
    public async Task TrackAsync(string source, string stream, IReadOnlyList<long> numbers, long? runningCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        var key = PayloadHash.Of(Encoding.UTF8.GetBytes(stream))[..32];
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var state = await states.GetAsync(source, key, cancellationToken);
            var last = state?.LastEventNumber ?? 0;
            var (gapFrom, gapTo) = (state?.GapFrom, state?.GapTo);
            // The first message of a stream has no history to compare with.
            var missingUpTo = numbers.Count > 0 ? numbers[0] - 1 : runningCount ?? last;
            if (state is not null && missingUpTo > last)
            {
                (gapFrom, gapTo) = (gapFrom ?? last + 1, missingUpTo);
            }

            var updated = (state ?? new SubscriptionState(source, key, stream, 0, null, null, null, null)) with
            {
                LastEventNumber = numbers.Count > 0 ? Math.Max(last, numbers[^1]) : last,
                LastHeartbeatAt = time.GetUtcNow(),
                GapFrom = gapFrom,
                GapTo = gapTo,
            };
            if (!await states.TrySaveAsync(updated, cancellationToken))
            {
                continue; // another message of this stream was recorded first: re-read
            }

            if (gapTo is { } to && to != state?.GapTo)
            {
                PipelineMetrics.SubscriptionGaps.Add(1, PipelineMetrics.SourceTag(source));
                Log.SubscriptionGap(logger, source, key, gapFrom!.Value, to);
                if (stream != Hl7Intake.SequenceStream)
                {
                    // Lost FHIR notifications can be recovered from the server now rather than at the next timer run.
                    await reconcile.RequestAsync(source, cancellationToken);
                }
            }

            return;
        }
    }
}

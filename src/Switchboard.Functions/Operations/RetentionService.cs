using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Core.Ports;
using Switchboard.Core.Security;
using Switchboard.Functions.Pipeline;

namespace Switchboard.Functions.Operations;

/// <summary>
/// Enforces the retention settings: raw payloads and stage outputs after <see cref="PipelineOptions.RawPayloadRetention"/>,
/// envelopes with their audit chains after <see cref="PipelineOptions.AuditRetention"/>, and webhook nonces once
/// they are outside the signature window (a replay of such a request fails the timestamp check anyway).
/// </summary>
public sealed class RetentionService(
    IPayloadStore payloads, IEnvelopeStore envelopes, INonceStore nonces, IOptions<PipelineOptions> options, TimeProvider time, ILogger<RetentionService> logger)
{
    public async Task<(int Payloads, int Envelopes, int Nonces)> PurgeAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var purged = (
            await payloads.PurgeAsync(now - options.Value.RawPayloadRetention, cancellationToken),
            await envelopes.PurgeAsync(now - options.Value.AuditRetention, cancellationToken),
            await nonces.PurgeAsync(now - (2 * WebhookSignature.Window), cancellationToken));
        Log.Purged(logger, purged.Item1, purged.Item2, purged.Item3);
        return purged;
    }
}

using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Core.Ports;
using Switchboard.Core.Propagation;
using Switchboard.Core.Security;
using Switchboard.Fhir.Routing;

namespace Switchboard.Functions.Propagation;

/// <summary>
/// Delivers a subscriber's pending events, one at a time in sequence order, under the subscriber's lease (so two
/// workers never interleave one subscriber's events). Each request is signed like intake expects
/// (<see cref="WebhookSignature"/>) and retried by the resilience handler; an event that still fails counts one
/// attempt and the queue retries the whole delivery later; after <see cref="PropagationOptions.MaxDeliveryAttempts"/>
/// the event moves to the subscriber's dead letters (still in the feed, redeliverable) and delivery moves on.
/// </summary>
public sealed class WebhookDispatcher(
    IOutboundEventLog events,
    OutboundEventRenderer renderer,
    RoutingRules rules,
    IHttpClientFactory httpClients,
    IOptions<PropagationOptions> options,
    TimeProvider time,
    ILogger<WebhookDispatcher> logger)
{
    public const string HttpClientName = "switchboard-webhooks";
    public const string EventIdHeader = "X-Switchboard-Event-Id";
    public const string SequenceHeader = "X-Switchboard-Sequence";
    public const string SubscriberHeader = "X-Switchboard-Subscriber";

    /// <returns>How many events were delivered.</returns>
    public async Task<int> DispatchAsync(string subscriber, CancellationToken cancellationToken)
    {
        if (rules.Find(subscriber) is not { Type: DestinationTypes.Webhook } destination)
        {
            return 0; // no longer configured as a webhook: its events stay in the log
        }

        var holder = Guid.NewGuid().ToString("N");
        var delivered = 0;
        if (!await RenewLeaseAsync(subscriber, holder, cancellationToken))
        {
            throw new WebhookBusyException(subscriber); // another worker is delivering: the queue retries this request later
        }

        try
        {
            while (true)
            {
                var pending = await events.ReadByStateAsync(subscriber, OutboundEventState.Pending, 50, cancellationToken);
                if (pending.Count == 0)
                {
                    return delivered;
                }

                foreach (var next in pending)
                {
                    if (!await RenewLeaseAsync(subscriber, holder, cancellationToken))
                    {
                        throw new WebhookBusyException(subscriber);
                    }

                    var status = await SendAsync(destination, next, cancellationToken);
                    var attempts = next.Attempts + 1;
                    if (status is >= 200 and < 300)
                    {
                        await events.TryUpdateAsync(next with { State = OutboundEventState.Delivered, Attempts = attempts, IssueCode = null }, cancellationToken);
                        PropagationLog.Delivered(logger, subscriber, next.Sequence, attempts);
                        delivered++;
                        continue;
                    }

                    if (attempts >= options.Value.MaxDeliveryAttempts)
                    {
                        await events.TryUpdateAsync(next with { State = OutboundEventState.DeadLettered, Attempts = attempts, IssueCode = Core.Envelopes.PipelineIssues.WebhookDeliveryFailed }, cancellationToken);
                        PropagationLog.DeadLettered(logger, subscriber, next.Sequence, attempts, status);
                        continue;
                    }

                    await events.TryUpdateAsync(next with { Attempts = attempts }, cancellationToken);
                    PropagationLog.AttemptFailed(logger, subscriber, next.Sequence, attempts, status);
                    throw new WebhookDeliveryException(subscriber, next.Sequence, status);
                }
            }
        }
        finally
        {
            await events.ReleaseLeaseAsync(subscriber, holder, CancellationToken.None);
        }
    }

    /// <summary>Puts the subscriber's dead-lettered events back to pending (attempts reset); returns how many.</summary>
    public async Task<int> RedeliverAsync(string subscriber, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var dead in await events.ReadByStateAsync(subscriber, OutboundEventState.DeadLettered, 1000, cancellationToken))
        {
            if (await events.TryUpdateAsync(dead with { State = OutboundEventState.Pending, Attempts = 0, IssueCode = null }, cancellationToken))
            {
                count++;
            }
        }

        return count;
    }

    /// <returns>The final HTTP status, or 0 when no response came (refused, reset, timed out).</returns>
    private async Task<int> SendAsync(DestinationOptions destination, OutboundEvent outboundEvent, CancellationToken cancellationToken)
    {
        var body = OutboundEventRenderer.ToBytes(await renderer.RenderAsync(outboundEvent, destination, cancellationToken));
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        var nonce = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, destination.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.NonceHeader, nonce);
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(destination.Secret!, timestamp, nonce, body));
        request.Headers.Add(EventIdHeader, outboundEvent.EventId);
        request.Headers.Add(SequenceHeader, outboundEvent.Sequence.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(SubscriberHeader, outboundEvent.Subscriber);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            return (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or Polly.Timeout.TimeoutRejectedException
            || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return 0;
        }
    }

    private Task<bool> RenewLeaseAsync(string subscriber, string holder, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return events.TryAcquireLeaseAsync(subscriber, holder, now, now + options.Value.LeaseDuration, cancellationToken);
    }
}

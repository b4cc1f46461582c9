using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Switchboard.Core.Envelopes;
using Switchboard.Core.Ports;
using Switchboard.Core.Propagation;
using Switchboard.Fhir.Routing;
using Switchboard.Functions.Pipeline;

namespace Switchboard.Functions.Propagation;

/// <summary>
/// The deliver stage for destinations other than a FHIR server. Webhook and feed destinations append the event to
/// the subscriber's log (one sequence number per envelope, kept across retries) and, for webhooks, queue a delivery
/// request; Service Bus destinations publish with MessageId = envelope id for duplicate detection.
/// Only the destination's allowed fields leave.
/// </summary>
public sealed class PropagationDelivery(IPayloadStore payloads, IOutboundEventLog events, IDeliveryRequests deliveries, ITopicPublisher topics)
{
    public async Task<StageResult> DeliverAsync(StageMessage message, string name, DestinationOptions destination, string ruleId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(destination);
        var envelope = message.Envelope;
        var document = message.ArtifactBlob is null ? null : RoutingDocument.Read(await payloads.GetAsync(message.ArtifactBlob, cancellationToken));
        var focus = document is null ? new Bundle() : new Bundle { Entry = RoutingDocument.Focus(document).Select(r => new Bundle.EntryComponent { Resource = r }).ToList() };
        var allowed = new JsonArray(FieldAllowlist.Apply(focus, destination.Allow).Select(JsonNode (o) => o).ToArray());
        var data = JsonSerializer.SerializeToUtf8Bytes(allowed);

        if (destination.Type == DestinationTypes.ServiceBus)
        {
            var body = new JsonObject
            {
                ["eventId"] = envelope.EnvelopeId,
                ["type"] = envelope.MessageType,
                ["source"] = envelope.Source,
                ["occurredAt"] = (envelope.EventTime ?? envelope.ReceivedAt).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                ["resources"] = allowed,
            };
            await topics.PublishAsync(Topic(destination.Topic!, envelope, OutboundEventRenderer.ToBytes(body)), cancellationToken);
            return new StageResult("published", Rule: ruleId, Target: $"topic:{destination.Topic}", Completes: true);
        }

        var blob = await payloads.PutAsync($"outbound/{name}", data, cancellationToken);
        var webhook = destination.Type == DestinationTypes.Webhook;
        var appended = await events.AppendAsync(
            new OutboundEvent(name, 0, envelope.EnvelopeId, envelope.Source, envelope.MessageType, envelope.EventTime ?? envelope.ReceivedAt,
                envelope.PatientKey, PatientReference.Find(RoutingDocument.Focus(focus)), blob, envelope.TraceParent,
                webhook ? OutboundEventState.Pending : OutboundEventState.FeedOnly, 0, null),
            cancellationToken);
        if (webhook)
        {
            // A delivery request for the subscriber: the dispatcher sends every pending event in sequence order.
            await deliveries.RequestAsync(name, cancellationToken);
        }

        return new StageResult("logged", Rule: ruleId, Target: $"{name}#{appended.Sequence}", Completes: true);
    }

    /// <summary>The topic message: ids and codes outside the body, never PHI (portal tools show properties and subject).</summary>
    public static TopicMessage Topic(string topic, MessageEnvelope envelope, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var traceId = envelope.TraceParent is { } tp && ActivityContext.TryParse(tp, null, out var context) ? context.TraceId.ToHexString() : null;
        return new TopicMessage(topic, envelope.EnvelopeId, envelope.PatientKey, traceId, envelope.MessageType, body, "application/json",
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["source"] = envelope.Source,
                ["kind"] = envelope.Kind.ToString(),
                ["payloadHash"] = envelope.PayloadHash,
            });
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Switchboard.Core.Ports;
using Switchboard.Core.Propagation;
using Switchboard.Fhir;
using Switchboard.Fhir.Rest;
using Switchboard.Fhir.Routing;

namespace Switchboard.Functions.Propagation;

/// <summary>
/// The one JSON form of an outbound event, shared by webhooks and the feed so both show the same thing. When the
/// destination asks for it, the patient's telecom is read from the FHIR server now, at send time, not taken from
/// the (possibly old) message: stale contact data is the named risk of reminders.
/// </summary>
public sealed class OutboundEventRenderer(IPayloadStore payloads, FhirRestClient fhir, TimeProvider time)
{
    public async Task<JsonObject> RenderAsync(OutboundEvent outboundEvent, DestinationOptions destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outboundEvent);
        ArgumentNullException.ThrowIfNull(destination);
        var resources = JsonNode.Parse(await payloads.GetAsync(outboundEvent.DataBlob, cancellationToken)) as JsonArray ?? [];
        var body = new JsonObject
        {
            ["subscriber"] = outboundEvent.Subscriber,
            ["sequence"] = outboundEvent.Sequence,
            ["eventId"] = outboundEvent.EventId,
            ["type"] = outboundEvent.MessageType,
            ["source"] = outboundEvent.Source,
            ["occurredAt"] = outboundEvent.OccurredAt.ToString("O", CultureInfo.InvariantCulture),
            ["resources"] = resources,
        };
        if (destination.IncludeCurrentPatientTelecom && outboundEvent.Patient is { } reference
            && await fhir.ReadAsync<Patient>(reference["Patient/".Length..], cancellationToken) is { } current)
        {
            var telecom = JsonNode.Parse(FhirJsonText.Serialize(current.Resource))?["telecom"]?.DeepClone() ?? new JsonArray();
            body["patient"] = new JsonObject { ["reference"] = reference, ["telecom"] = telecom, ["readAt"] = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) };
        }

        return body;
    }

    public static byte[] ToBytes(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node);
}

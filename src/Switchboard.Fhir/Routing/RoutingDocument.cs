using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;

namespace Switchboard.Fhir.Routing;

/// <summary>
/// Reads a translated artifact as the Bundle rules run on: a Bundle as is, a single resource wrapped in a
/// collection Bundle, anything else (e.g. a JSON event) as null, for which FHIRPath conditions reject.
/// </summary>
public static class RoutingDocument
{
    public static Bundle? Read(ReadOnlySpan<byte> artifact)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(artifact);
            using var probe = JsonDocument.Parse(text);
            if (probe.RootElement.ValueKind != JsonValueKind.Object || !probe.RootElement.TryGetProperty("resourceType", out var type))
            {
                return null;
            }

            if (type.GetString() == "Bundle")
            {
                return FhirJsonText.Parse<Bundle>(text);
            }
        }
        catch (Exception ex) when (ex is JsonException or DecoderFallbackException)
        {
            return null;
        }

        try
        {
            var resource = FhirJsonText.Parse<Resource>(text);
            return new Bundle { Type = Bundle.BundleType.Collection, Entry = [new Bundle.EntryComponent { Resource = resource }] };
        }
        catch (Exception ex) when (ex is JsonException or FormatException or Hl7.Fhir.Serialization.DeserializationFailedException)
        {
            return null;
        }
    }

    /// <summary>The resources a consumer is about: the notification status Parameters of a subscription Bundle are not one.</summary>
    public static IEnumerable<Resource> Focus(Bundle document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Entry.Select(e => e.Resource).OfType<Resource>().Where(r => r is not Parameters);
    }
}

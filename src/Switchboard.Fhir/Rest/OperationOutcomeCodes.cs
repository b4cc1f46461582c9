using Hl7.Fhir.Model;

namespace Switchboard.Fhir.Rest;

internal static class OperationOutcomeCodes
{
    /// <summary>The issue codes of an OperationOutcome body (e.g. <c>conflict,processing</c>), or <c>none</c>.</summary>
    public static async Task<string> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var outcome = FhirJsonText.Parse<OperationOutcome>(body);
            var codes = outcome.Issue.Select(i => i.Code?.ToString()).Where(c => c is not null);
            return string.Join(',', codes) is { Length: > 0 } joined ? joined : "none";
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or System.Text.Json.JsonException or Hl7.Fhir.Serialization.DeserializationFailedException)
        {
            return "none";
        }
    }
}

using System.Net.Http.Headers;
using System.Text;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Switchboard.Fhir.Rest;

/// <summary>
/// A thin FHIR REST client over <see cref="HttpClient"/>: we need exact control of conditional headers
/// (If-Match, If-None-Exist) and of what counts as an unknown outcome, which a generic client hides.
/// </summary>
public sealed class FhirRestClient(HttpClient http)
{
    private const string FhirJson = "application/fhir+json";

    /// <summary>Conditional update (<c>PUT Type?criteria</c>): creates when nothing matches, updates one match.</summary>
    public async Task<FhirWriteResult> ConditionalUpdateAsync(Resource resource, string criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{resource.TypeName}?{criteria}")
        {
            Content = new StringContent(FhirJsonText.Serialize(resource), Encoding.UTF8, FhirJson),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(FhirJson));
        using var response = await http.SendAsync(request, cancellationToken);
        await FhirServerException.ThrowIfFailedAsync(response, cancellationToken);
        return new FhirWriteResult((int)response.StatusCode, RelativeLocation(response), VersionFromETag(response.Headers.ETag));
    }

    public async Task<Bundle> SearchAsync(string resourceType, string query, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{resourceType}?{query}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(FhirJson));
        using var response = await http.SendAsync(request, cancellationToken);
        await FhirServerException.ThrowIfFailedAsync(response, cancellationToken);
        return FhirJsonText.Parse<Bundle>(await response.Content.ReadAsStringAsync(cancellationToken));
    }

    private static string? VersionFromETag(EntityTagHeaderValue? etag) => etag?.Tag.Trim('"');

    private string? RelativeLocation(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? response.Content.Headers.ContentLocation;
        if (location is null)
        {
            return null;
        }

        var text = location.ToString();
        var baseUrl = http.BaseAddress?.ToString() ?? string.Empty;
        return text.StartsWith(baseUrl, StringComparison.Ordinal) ? text[baseUrl.Length..] : text;
    }
}

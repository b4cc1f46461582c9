using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Hl7.Fhir.Model;

namespace Switchboard.Fhir.Rest;

/// <summary>
/// A thin FHIR REST client over <see cref="HttpClient"/>: we need exact control of conditional headers
/// (If-Match, If-None-Exist) and of what counts as an unknown outcome, which a generic client hides.
/// Failures surface as <see cref="FhirServerException"/> carrying the status; a time-out or dropped connection
/// surfaces as <see cref="HttpRequestException"/> or <see cref="TaskCanceledException"/>: for a write that means
/// the outcome is unknown.
/// </summary>
public sealed class FhirRestClient(HttpClient http)
{
    private const string FhirJson = "application/fhir+json";

    /// <summary>Reads a resource with its version; null when the server answers 404 or 410.</summary>
    public async Task<VersionedResource<T>?> ReadAsync<T>(string id, CancellationToken cancellationToken) where T : Resource
    {
        using var request = Request(HttpMethod.Get, $"{ModelInfo.GetFhirTypeNameForType(typeof(T))}/{Uri.EscapeDataString(id)}");
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            return null;
        }

        await FhirServerException.ThrowIfFailedAsync(response, cancellationToken);
        var resource = FhirJsonText.Parse<T>(await response.Content.ReadAsStringAsync(cancellationToken));
        return new VersionedResource<T>(resource, VersionFromETag(response.Headers.ETag) ?? resource.Meta?.VersionId);
    }

    /// <summary>Update by id; with <paramref name="ifMatchVersion"/> the server refuses (412) if the resource moved on.</summary>
    public Task<FhirWriteResult> UpdateAsync(Resource resource, string? ifMatchVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentException.ThrowIfNullOrEmpty(resource.Id);
        var request = Request(HttpMethod.Put, $"{resource.TypeName}/{Uri.EscapeDataString(resource.Id)}", resource);
        if (ifMatchVersion is not null)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{ifMatchVersion}\"", isWeak: true));
        }

        return SendWriteAsync(request, cancellationToken);
    }

    /// <summary>Create; with <paramref name="ifNoneExist"/> (search criteria) the server returns the match instead of a second copy.</summary>
    public Task<FhirWriteResult> CreateAsync(Resource resource, string? ifNoneExist, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var request = Request(HttpMethod.Post, resource.TypeName, resource);
        if (ifNoneExist is not null)
        {
            request.Headers.Add("If-None-Exist", ifNoneExist);
        }

        return SendWriteAsync(request, cancellationToken);
    }

    /// <summary>Conditional update (<c>PUT Type?criteria</c>): creates when nothing matches, updates one match.</summary>
    public Task<FhirWriteResult> ConditionalUpdateAsync(Resource resource, string criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return SendWriteAsync(Request(HttpMethod.Put, $"{resource.TypeName}?{criteria}", resource), cancellationToken);
    }

    /// <summary>Posts a batch or transaction Bundle to the base and returns the response Bundle.</summary>
    public async Task<Bundle> TransactionAsync(Bundle bundle, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, string.Empty, bundle);
        using var response = await http.SendAsync(request, cancellationToken);
        await FhirServerException.ThrowIfFailedAsync(response, cancellationToken);
        return FhirJsonText.Parse<Bundle>(await response.Content.ReadAsStringAsync(cancellationToken));
    }

    public async Task<Bundle> SearchAsync(string resourceType, string query, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, $"{resourceType}?{query}");
        using var response = await http.SendAsync(request, cancellationToken);
        await FhirServerException.ThrowIfFailedAsync(response, cancellationToken);
        return FhirJsonText.Parse<Bundle>(await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>Follows a searchset's <c>next</c> link (absolute, as the server gave it).</summary>
    public async Task<Bundle?> NextPageAsync(Bundle page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var next = page.Link.FirstOrDefault(l => l.Relation == "next")?.Url;
        if (next is null)
        {
            return null;
        }

        using var request = Request(HttpMethod.Get, next);
        using var response = await http.SendAsync(request, cancellationToken);
        await FhirServerException.ThrowIfFailedAsync(response, cancellationToken);
        return FhirJsonText.Parse<Bundle>(await response.Content.ReadAsStringAsync(cancellationToken));
    }

    private static HttpRequestMessage Request(HttpMethod method, string uri, Resource? body = null)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(FhirJson));
        if (body is not null)
        {
            request.Content = new StringContent(FhirJsonText.Serialize(body), Encoding.UTF8, FhirJson);
        }

        return request;
    }

    private async Task<FhirWriteResult> SendWriteAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await http.SendAsync(request, cancellationToken);
            await FhirServerException.ThrowIfFailedAsync(response, cancellationToken);
            return new FhirWriteResult((int)response.StatusCode, RelativeLocation(response), VersionFromETag(response.Headers.ETag));
        }
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

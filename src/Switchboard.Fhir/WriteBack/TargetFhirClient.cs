using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Switchboard.Fhir.Rest;

namespace Switchboard.Fhir.WriteBack;

/// <summary>
/// FHIR I/O against one write-back target, on FHIR JSON (the merge works on JSON, so nothing is lost in a POCO
/// round trip). Refusals surface as <see cref="FhirServerException"/> (with Retry-After); a time-out or dropped
/// connection as <see cref="TargetUnreachableException"/>.
/// </summary>
public sealed class TargetFhirClient(HttpClient http, string name, WriteBackTargetOptions target)
{
    private const string FhirJson = "application/fhir+json";
    private readonly string _base = target.BaseUrl.ToString().TrimEnd('/') + "/";

    public string Name { get; } = name;

    public WriteBackTargetOptions Options { get; } = target;

    public async Task<JsonVersioned?> ReadAsync(string type, string id, string? version, CancellationToken cancellationToken)
    {
        var uri = version is null ? $"{type}/{Uri.EscapeDataString(id)}" : $"{type}/{Uri.EscapeDataString(id)}/_history/{Uri.EscapeDataString(version)}";
        using var response = await SendAsync(Request(HttpMethod.Get, uri), cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            return null;
        }

        await FhirServerException.ThrowIfFailedAsync(response, cancellationToken);
        var json = (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
        return new JsonVersioned(json, response.Headers.ETag?.Tag.Trim('"') ?? json["meta"]?["versionId"]?.GetValue<string>());
    }

    /// <summary>The target's CapabilityStatement (<c>GET metadata</c>).</summary>
    public async Task<JsonObject> ReadCapabilitiesAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(Request(HttpMethod.Get, "metadata"), cancellationToken);
        await FhirServerException.ThrowIfFailedAsync(response, cancellationToken);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject ?? [];
    }

    /// <summary>PUT with If-Match (when given): 412 surfaces as <see cref="FhirServerException"/> with status PreconditionFailed.</summary>
    public async Task<FhirWriteResult> UpdateAsync(string type, string id, JsonObject resource, string? ifMatchVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var request = Request(HttpMethod.Put, $"{type}/{Uri.EscapeDataString(id)}", resource.ToJsonString(), FhirJson);
        if (ifMatchVersion is not null)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{ifMatchVersion}\"", isWeak: true));
        }

        return await WriteAsync(request, cancellationToken);
    }

    /// <summary>PATCH with a JSON Patch and If-Match (when given); errors surface as for <see cref="UpdateAsync"/>.</summary>
    public async Task<FhirWriteResult> PatchAsync(string type, string id, JsonArray operations, string? ifMatchVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var request = Request(HttpMethod.Patch, $"{type}/{Uri.EscapeDataString(id)}", operations.ToJsonString(), JsonPatch.MediaType);
        if (ifMatchVersion is not null)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{ifMatchVersion}\"", isWeak: true));
        }

        return await WriteAsync(request, cancellationToken);
    }

    /// <summary>POST; with <paramref name="ifNoneExist"/> a replay returns the existing match instead of a second copy.</summary>
    public async Task<FhirWriteResult> CreateAsync(string type, JsonObject resource, string? ifNoneExist, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var request = Request(HttpMethod.Post, type, resource.ToJsonString(), FhirJson);
        if (ifNoneExist is not null)
        {
            request.Headers.Add("If-None-Exist", ifNoneExist);
        }

        return await WriteAsync(request, cancellationToken);
    }

    /// <summary>Logical ids of resources carrying the identifier (to resolve an outcome-unknown create).</summary>
    public async Task<IReadOnlyList<string>> FindByIdentifierAsync(string type, string system, string value, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(Request(HttpMethod.Get, $"{type}?identifier={Uri.EscapeDataString($"{system}|{value}")}&_count=10"), cancellationToken);
        await FhirServerException.ThrowIfFailedAsync(response, cancellationToken);
        var bundle = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return [.. (bundle?["entry"] as JsonArray ?? []).Select(e => e?["resource"]?["id"]?.GetValue<string>()).OfType<string>()];
    }

    private async Task<FhirWriteResult> WriteAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, cancellationToken);
        await FhirServerException.ThrowIfFailedAsync(response, cancellationToken);
        var location = (response.Headers.Location ?? response.Content.Headers.ContentLocation)?.ToString();
        if (location is not null && location.StartsWith(_base, StringComparison.Ordinal))
        {
            location = location[_base.Length..];
        }

        return new FhirWriteResult((int)response.StatusCode, location, response.Headers.ETag?.Tag.Trim('"'));
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Options.Timeout);
            try
            {
                var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
                return response;
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TargetUnreachableException($"{request.Method} to target {Name} timed out after {Options.Timeout}.", ex);
            }
            catch (HttpRequestException ex)
            {
                throw new TargetUnreachableException($"{request.Method} to target {Name} got no response ({ex.HttpRequestError}).", ex);
            }
        }
    }

    private HttpRequestMessage Request(HttpMethod method, string relative, string? body = null, string? contentType = null)
    {
        var request = new HttpRequestMessage(method, new Uri(_base + relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(FhirJson));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, contentType!);
        }

        return request;
    }
}

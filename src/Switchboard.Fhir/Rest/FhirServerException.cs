using System.Net;

namespace Switchboard.Fhir.Rest;

/// <summary>
/// A FHIR server refused a request. Carries the status and OperationOutcome issue codes only: diagnostics text
/// can quote resource content, so it never goes into the exception message.
/// </summary>
public sealed class FhirServerException(HttpStatusCode status, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>408, 429 and 5xx are worth retrying; everything else needs a different request.</summary>
    /// <summary>The server's Retry-After (seconds or date form), when it sent one with a 429 or 503.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public bool IsTransient => Status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)Status >= 500;

    internal static async Task ThrowIfFailedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var codes = await OperationOutcomeCodes.ReadAsync(response, cancellationToken);
        var retryAfter = response.Headers.RetryAfter;
        throw new FhirServerException(
            response.StatusCode,
            $"FHIR server answered {(int)response.StatusCode} to {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} (issue codes: {codes}).")
        {
            RetryAfter = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null),
        };
    }
}

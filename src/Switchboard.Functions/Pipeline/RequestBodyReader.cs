using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Switchboard.Functions.Pipeline;

/// <summary>
/// Reads an intake request body within the configured size limit. A body over the limit is refused with 413
/// before it is read in full (the sender still holds it and is told to split it); an empty body gets 400.
/// </summary>
public sealed class RequestBodyReader(IOptions<PipelineOptions> options)
{
    public async Task<RequestBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limit = options.Value.MaxPayloadBytes;
        if (request.ContentLength > limit)
        {
            return RequestBody.Refused(TooLarge(limit));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return RequestBody.Refused(TooLarge(limit));
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.Length == 0
            ? RequestBody.Refused(IntakeResult.Problem(400, OperationOutcome.IssueType.Required, "The request body is empty.", "PIPE009"))
            : new RequestBody(buffer.ToArray(), null);
    }

    private static IntakeResult TooLarge(int limit) =>
        IntakeResult.Problem(413, OperationOutcome.IssueType.TooLong, $"The body is larger than the {limit}-byte limit.", Core.Envelopes.PipelineIssues.PayloadTooLarge);
}

/// <summary>A request body, or the problem to answer instead.</summary>
public sealed record RequestBody(byte[] Bytes, IntakeResult? Problem)
{
    public static RequestBody Refused(IntakeResult problem) => new([], problem);
}

using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Switchboard.Core.Envelopes;
using Switchboard.Core.Sources;

namespace Switchboard.Functions.Pipeline;

/// <summary>
/// What every intake endpoint checks before it looks at content: the source is configured (404), the body is within
/// the size limit (413, refused before it is read in full: the sender still holds it) and not empty (400), and the
/// webhook signature holds (401).
/// </summary>
public sealed class IntakeGate(IOptions<SourcesOptions> sources, IOptions<PipelineOptions> options, WebhookAuthenticator authenticator)
{
    /// <param name="kind">The source kind this endpoint serves (<c>hl7v2</c>, <c>fhir</c>, <c>events</c>); other sources are unknown here.</param>
    public async Task<IntakeRequest> OpenAsync(string source, string kind, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (sources.Value.Find(source) is not { } sourceOptions || !string.Equals(sourceOptions.Kind, kind, StringComparison.OrdinalIgnoreCase))
        {
            return IntakeRequest.Refused(IntakeResult.UnknownSource());
        }

        var limit = options.Value.MaxPayloadBytes;
        if (request.ContentLength > limit)
        {
            return IntakeRequest.Refused(TooLarge(limit));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return IntakeRequest.Refused(TooLarge(limit));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return IntakeRequest.Refused(IntakeResult.Problem(400, OperationOutcome.IssueType.Required, "The request body is empty.", PipelineIssues.EmptyBody));
        }

        var body = buffer.ToArray();
        var denied = await authenticator.CheckAsync(source, sourceOptions, request, body, cancellationToken);
        return denied is null ? new IntakeRequest(sourceOptions, body, null) : IntakeRequest.Refused(denied);
    }

    private static IntakeResult TooLarge(int limit) =>
        IntakeResult.Problem(413, OperationOutcome.IssueType.TooLong, $"The body is larger than the {limit}-byte limit.", PipelineIssues.PayloadTooLarge);
}

/// <summary>A request that passed the gate (source and body), or the problem to answer instead.</summary>
public sealed record IntakeRequest(SourceOptions Source, byte[] Body, IntakeResult? Problem)
{
    public static IntakeRequest Refused(IntakeResult problem) => new(new SourceOptions(), [], problem);
}

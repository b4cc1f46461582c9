using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Switchboard.Core.Ports;
using Switchboard.Core.Security;
using Switchboard.Core.Sources;

namespace Switchboard.Functions.Pipeline;

/// <summary>
/// Checks a webhook request's signature, timestamp window and nonce for sources that have signing secrets (the
/// function key still guards every endpoint). A captured request cannot be replayed: its nonce is spent.
/// </summary>
public sealed class WebhookAuthenticator(INonceStore nonces, TimeProvider time)
{
    /// <returns>null when the request may proceed; otherwise the 401 to answer.</returns>
    public async Task<IntakeResult?> CheckAsync(string source, SourceOptions options, HttpRequest request, byte[] body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(request);
        if (options.SigningSecrets.Count == 0)
        {
            return null;
        }

        var now = time.GetUtcNow();
        string? Header(string name) => request.Headers.TryGetValue(name, out var values) ? values.ToString() : null;
        var nonce = Header(WebhookSignature.NonceHeader);
        var issue = WebhookSignature.Verify(
            options.SigningSecrets, Header(WebhookSignature.TimestampHeader), nonce, Header(WebhookSignature.SignatureHeader), body, now);
        if (issue is null && !await nonces.TryUseAsync(source, nonce!, now, cancellationToken))
        {
            issue = SecurityIssues.NonceReplayed;
        }

        return issue is null ? null : IntakeResult.Problem(401, OperationOutcome.IssueType.Security, Describe(issue), issue);
    }

    private static string Describe(string issue) => issue switch
    {
        SecurityIssues.SignatureMissing => "Signature, timestamp or nonce header missing or malformed.",
        SecurityIssues.TimestampOutsideWindow => "The request timestamp is outside the accepted window.",
        SecurityIssues.NonceReplayed => "The nonce was already used: the request is a replay.",
        _ => "The signature does not match.",
    };
}

using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Core.Envelopes;

/// <summary>Derives stable, storage-safe ids so a redelivered message maps to the same rows and instances.</summary>
public static class EnvelopeIds
{
    /// <summary>
    /// Envelope id for an idempotency key: a hash, so control ids with characters Table storage forbids in keys
    /// (<c>/ \ # ?</c>) are safe and the id reveals nothing.
    /// </summary>
    public static string FromIdempotencyKey(string source, string messageControlId)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentNullException.ThrowIfNull(messageControlId);
        // The separator cannot occur in a source name, so ("a", "b|c") and ("a|b", "c") stay distinct.
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{source}\u001f{messageControlId}"));
        return Convert.ToHexStringLower(digest.AsSpan(0, 16));
    }
}

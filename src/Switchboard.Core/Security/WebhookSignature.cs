using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Core.Security;

/// <summary>
/// The webhook signature scheme, the same for intake and outbound delivery: HMAC-SHA256 under a shared secret over
/// <c>{timestamp}.{nonce}.{body}</c>, sent as <c>X-Switchboard-Signature: v1=&lt;hex&gt;</c> with the timestamp (Unix
/// seconds) and nonce in their own headers. The timestamp bounds replay in time; the nonce store closes the window.
/// </summary>
public static class WebhookSignature
{
    public const string TimestampHeader = "X-Switchboard-Timestamp";
    public const string NonceHeader = "X-Switchboard-Nonce";
    public const string SignatureHeader = "X-Switchboard-Signature";
    public const string Version = "v1";

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public static string Sign(string secret, long timestamp, string nonce, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes($"{timestamp.ToString(CultureInfo.InvariantCulture)}.{nonce}."));
        hmac.AppendData(body);
        return $"{Version}={Convert.ToHexStringLower(hmac.GetHashAndReset())}";
    }

    /// <summary>
    /// Checks headers and signature (any of <paramref name="secrets"/>, so secrets can be rotated); returns null when
    /// valid, else a stable issue code. The nonce must still be checked against the nonce store.
    /// </summary>
    public static string? Verify(IReadOnlyList<string> secrets, string? timestamp, string? nonce, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(nonce) || string.IsNullOrEmpty(signature)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || nonce.Length > 128)
        {
            return SecurityIssues.SignatureMissing;
        }

        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Window)
        {
            return SecurityIssues.TimestampOutsideWindow;
        }

        var given = Encoding.ASCII.GetBytes(signature);
        foreach (var secret in secrets)
        {
            // Constant-time comparison: timing must not reveal how much of a forged signature was right.
            if (CryptographicOperations.FixedTimeEquals(given, Encoding.ASCII.GetBytes(Sign(secret, seconds, nonce, body))))
            {
                return null;
            }
        }

        return SecurityIssues.SignatureInvalid;
    }
}

using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Core.Envelopes;

/// <summary>
/// Patient keys: HMAC-SHA256 of source + identifier system + value under a secret, so per-patient order and
/// correlation work without the identifier ever being stored or logged (an unkeyed hash of an MRN is guessable).
/// </summary>
public sealed class PatientKeys(byte[] secret)
{
    public string For(string source, string? system, string value)
    {
        var digest = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes($"{source}\u001f{system}\u001f{value}"));
        return Convert.ToHexStringLower(digest.AsSpan(0, 16));
    }
}

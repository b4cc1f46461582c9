using System.Security.Cryptography;

namespace Switchboard.Core.Hashing;

/// <summary>SHA-256 of payload bytes as lower-case hex: the one hash recorded on every hop.</summary>
public static class PayloadHash
{
    public static string Of(ReadOnlySpan<byte> payload) => Convert.ToHexStringLower(SHA256.HashData(payload));
}

using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Fhir.Mapping;

/// <summary>
/// Resource ids: a name-based GUID (RFC 9562 version 8 layout over SHA-256) of the source, resource type and a
/// scoped key (business identifier, or patient key + message keys). Same input → same id on every replay; different
/// sources, patients or orders → different ids.
/// </summary>
internal static class DeterministicIds
{
    public static Guid For(string source, string resourceType, string key)
    {
        var length = Encoding.UTF8.GetByteCount(source) + Encoding.UTF8.GetByteCount(resourceType) + Encoding.UTF8.GetByteCount(key) + 2;
        var buffer = length <= 512 ? stackalloc byte[length] : new byte[length];
        var n = Encoding.UTF8.GetBytes(source, buffer);
        buffer[n++] = 0x1f;
        n += Encoding.UTF8.GetBytes(resourceType, buffer[n..]);
        buffer[n++] = 0x1f;
        Encoding.UTF8.GetBytes(key, buffer[n..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(buffer, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8 (custom, name-based)
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(hash[..16], bigEndian: true);
    }
}

namespace Switchboard.Core.Ports;

/// <summary>Claim-check storage for raw payloads, content-addressed by SHA-256 so a retry writes the same blob.</summary>
public interface IRawPayloadStore
{
    /// <summary>Stores the payload (no-op if the same content is already stored) and returns its blob name.</summary>
    Task<string> PutAsync(string source, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);

    Task<byte[]> GetAsync(string blobName, CancellationToken cancellationToken);
}

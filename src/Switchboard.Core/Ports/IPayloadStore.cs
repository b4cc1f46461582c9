namespace Switchboard.Core.Ports;

/// <summary>
/// Claim-check storage for raw payloads and stage outputs, content-addressed by SHA-256: a retry writes the same
/// blob, and the name says exactly which bytes an audit row means.
/// </summary>
public interface IPayloadStore
{
    /// <summary>Stores the bytes as <c>{folder}/{sha256}</c> (no-op when already stored) and returns the name.</summary>
    /// <param name="folder">The source name for raw payloads, <c>translated/{source}</c> for stage outputs.</param>
    Task<string> PutAsync(string folder, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);

    /// <summary>The stored bytes; a missing blob is a <see cref="Envelopes.PipelineException"/> (retries cannot help).</summary>
    Task<byte[]> GetAsync(string blobName, CancellationToken cancellationToken);

    /// <summary>Deletes payloads stored before <paramref name="cutoff"/> (retention); returns how many.</summary>
    Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}

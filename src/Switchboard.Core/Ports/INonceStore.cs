namespace Switchboard.Core.Ports;

/// <summary>Remembers webhook nonces long enough to refuse a captured request that is sent again.</summary>
public interface INonceStore
{
    /// <summary>Records the nonce for the source; false when it was already used.</summary>
    Task<bool> TryUseAsync(string source, string nonce, DateTimeOffset usedAt, CancellationToken cancellationToken);

    /// <summary>Forgets nonces used before <paramref name="cutoff"/>: older requests fail the timestamp window anyway.</summary>
    Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}

using Switchboard.Core.Propagation;

namespace Switchboard.Core.Ports;

/// <summary>Reconciliation watermarks: per source and resource type, the <c>_lastUpdated</c> processed up to.</summary>
public interface IWatermarkStore
{
    Task<Watermark?> GetAsync(string source, string resourceType, CancellationToken cancellationToken);

    /// <summary>Stores the watermark if its ETag still matches (null: only if absent); false when another run won.</summary>
    Task<bool> TrySaveAsync(Watermark watermark, CancellationToken cancellationToken);
}

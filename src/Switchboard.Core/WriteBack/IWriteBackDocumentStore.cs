namespace Switchboard.Core.WriteBack;

/// <summary>Documents of a write-back (requests, edited change sets, diffs): they hold PHI, so they stay out of history and logs.</summary>
public interface IWriteBackDocumentStore
{
    /// <summary>Stores the document. Returns false when a different document already has the name (nothing is overwritten).</summary>
    Task<bool> TryPutAsync(string name, string json, CancellationToken cancellationToken);

    /// <summary>Creates an empty marker; true only for the one caller that created it (a start claim among concurrent duplicates).</summary>
    Task<bool> TryClaimAsync(string name, CancellationToken cancellationToken);

    Task<string?> GetAsync(string name, CancellationToken cancellationToken);
}

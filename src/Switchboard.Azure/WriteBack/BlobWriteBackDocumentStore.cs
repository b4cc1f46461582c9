using Azure;
using Azure.Storage.Blobs.Models;
using Switchboard.Core.WriteBack;

namespace Switchboard.Azure.WriteBack;

/// <summary>Write-back documents as blobs named <c>{instanceId}/…</c>; written once (If-None-Match: *), never overwritten.</summary>
public sealed class BlobWriteBackDocumentStore(WriteBackStorage storage) : IWriteBackDocumentStore
{
    public async Task<bool> TryPutAsync(string name, string json, CancellationToken cancellationToken)
    {
        var blob = storage.Documents.GetBlobClient(name);
        try
        {
            await blob.UploadAsync(
                BinaryData.FromString(json),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409 && ex.ErrorCode == BlobErrorCode.BlobAlreadyExists)
        {
            // Same name: the same document is fine (a replay), a different one is refused.
            var existing = await blob.DownloadContentAsync(cancellationToken);
            return string.Equals(existing.Value.Content.ToString(), json, StringComparison.Ordinal);
        }
    }

    public async Task<bool> TryClaimAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await storage.Documents.GetBlobClient(name).UploadAsync(
                BinaryData.FromString(string.Empty),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409 && ex.ErrorCode == BlobErrorCode.BlobAlreadyExists)
        {
            return false;
        }
    }

    public async Task<string?> GetAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var content = await storage.Documents.GetBlobClient(name).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}

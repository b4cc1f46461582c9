using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Switchboard.Core.Envelopes;
using Switchboard.Core.Hashing;
using Switchboard.Core.Ports;

namespace Switchboard.Azure.Storage;

/// <summary>
/// Payloads as blobs named <c>{folder}/{sha256}</c>: content addressing makes the write idempotent
/// (the same bytes always land on the same name) and lets audit rows point at exactly what was received.
/// </summary>
public sealed class BlobPayloadStore(StorageClients clients, IOptions<StorageOptions> options) : IPayloadStore
{
    private readonly BlobContainerClient _container = clients.Blobs.GetBlobContainerClient(options.Value.RawContainer);

    public async Task<string> PutAsync(string folder, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var name = $"{folder}/{PayloadHash.Of(payload.Span)}";
        var blob = _container.GetBlobClient(name);
        try
        {
            // If-None-Match: * makes a second upload of the same content a cheap 409 instead of an overwrite.
            await blob.UploadAsync(
                BinaryData.FromBytes(payload),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409 && ex.ErrorCode == BlobErrorCode.BlobAlreadyExists)
        {
            // Already stored: same name means same bytes.
        }

        return name;
    }

    public async Task<byte[]> GetAsync(string blobName, CancellationToken cancellationToken)
    {
        try
        {
            var content = await _container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new PipelineException(PipelineIssues.PayloadMissing, $"Payload blob {blobName} does not exist.");
        }
    }

    public async Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var deleted = 0;
        await foreach (var blob in _container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            if (blob.Properties.LastModified < cutoff)
            {
                await _container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken);
                deleted++;
            }
        }

        return deleted;
    }

    internal Task EnsureCreatedAsync(CancellationToken cancellationToken) =>
        _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
}

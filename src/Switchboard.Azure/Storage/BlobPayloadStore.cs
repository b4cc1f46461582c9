using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Switchboard.Core.Hashing;
using Switchboard.Core.Ports;

namespace Switchboard.Azure.Storage;

/// <summary>
/// Raw payloads as blobs named <c>{source}/{sha256}</c>: content addressing makes the write idempotent
/// (the same bytes always land on the same name) and lets audit rows point at exactly what was received.
/// </summary>
public sealed class BlobRawPayloadStore(StorageClients clients, IOptions<StorageOptions> options) : IRawPayloadStore
{
    private readonly BlobContainerClient _container = clients.Blobs.GetBlobContainerClient(options.Value.RawContainer);

    public async Task<string> PutAsync(string source, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var name = $"{source}/{PayloadHash.Of(payload.Span)}";
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
        var content = await _container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken);
        return content.Value.Content.ToArray();
    }

    internal Task EnsureCreatedAsync(CancellationToken cancellationToken) =>
        _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
}

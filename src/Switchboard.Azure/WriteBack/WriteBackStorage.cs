using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using Switchboard.Azure.Storage;

namespace Switchboard.Azure.WriteBack;

/// <summary>The write-back container, tables and escalation queue (clients are thread-safe singletons).</summary>
public sealed class WriteBackStorage(StorageClients clients, IOptions<WriteBackStorageOptions> options)
{
    public BlobContainerClient Documents { get; } = clients.Blobs.GetBlobContainerClient(options.Value.DocumentsContainer);

    public TableClient Ledger { get; } = clients.Tables.GetTableClient(options.Value.LedgerTable);

    public TableClient Reviews { get; } = clients.Tables.GetTableClient(options.Value.ReviewTable);

    public TableClient Audit { get; } = clients.Tables.GetTableClient(options.Value.AuditTable);

    public QueueClient Escalations { get; } = clients.Queues.GetQueueClient(options.Value.EscalationQueue);

    internal async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await Documents.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await Ledger.CreateIfNotExistsAsync(cancellationToken);
        await Reviews.CreateIfNotExistsAsync(cancellationToken);
        await Audit.CreateIfNotExistsAsync(cancellationToken);
        await Escalations.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
    }
}

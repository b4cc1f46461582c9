using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Switchboard.Core.Ports;
using Switchboard.Core.Propagation;

namespace Switchboard.Azure.Propagation;

/// <summary>Per-subscriber event logs in one table; see <see cref="OutboundEventEntity"/> for the key design.</summary>
public sealed class TableOutboundEventLog(Storage.StorageClients clients, IOptions<PropagationStorageOptions> options) : IOutboundEventLog
{
    private const int MaxAttempts = 10;
    private readonly TableClient _table = clients.Tables.GetTableClient(options.Value.EventLogTable);

    public async Task<OutboundEvent> AppendAsync(OutboundEvent template, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        var subscriber = template.Subscriber;
        var indexKey = SubscriberRowEntity.IndexPrefix + template.EventId;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var index = await _table.GetEntityIfExistsAsync<SubscriberRowEntity>(subscriber, indexKey, cancellationToken: cancellationToken);
            if (index.HasValue && index.Value is { } found)
            {
                var existing = await _table.GetEntityAsync<OutboundEventEntity>(subscriber, OutboundEventEntity.Key(found.Sequence), cancellationToken: cancellationToken);
                return ToDomain(existing.Value);
            }

            var counter = await _table.GetEntityIfExistsAsync<SubscriberRowEntity>(subscriber, SubscriberRowEntity.Counter, cancellationToken: cancellationToken);
            var last = counter.HasValue ? counter.Value!.Sequence : 0;
            var sequence = last + 1;
            var entity = ToEntity(template with { Sequence = sequence });
            var counterRow = new SubscriberRowEntity { PartitionKey = subscriber, RowKey = SubscriberRowEntity.Counter, Sequence = sequence };
            List<TableTransactionAction> batch =
            [
                counter.HasValue
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, counterRow, counter.Value!.ETag)
                    : new TableTransactionAction(TableTransactionActionType.Add, counterRow),
                new TableTransactionAction(TableTransactionActionType.Add, new SubscriberRowEntity { PartitionKey = subscriber, RowKey = indexKey, Sequence = sequence }),
                new TableTransactionAction(TableTransactionActionType.Add, entity),
            ];
            try
            {
                await _table.SubmitTransactionAsync(batch, cancellationToken);
                return template with { Sequence = sequence };
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another append took the number (or this envelope's index) first: re-read and try again.
            }
        }

        throw new InvalidOperationException($"Could not append to the event log of {subscriber} after {MaxAttempts} attempts.");
    }

    public async Task<IReadOnlyList<OutboundEvent>> ReadAsync(string subscriber, long after, int limit, CancellationToken cancellationToken)
    {
        var from = OutboundEventEntity.Key(after);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {subscriber} and RowKey gt {from} and RowKey lt {"f"}");
        return await TakeAsync(_table.QueryAsync<OutboundEventEntity>(filter, maxPerPage: Math.Min(limit, 1000), cancellationToken: cancellationToken), limit, cancellationToken);
    }

    public async Task<IReadOnlyList<OutboundEvent>> ReadByStateAsync(string subscriber, OutboundEventState state, int limit, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {subscriber} and RowKey gt {"e"} and RowKey lt {"f"} and State eq {state.ToString()}");
        return await TakeAsync(_table.QueryAsync<OutboundEventEntity>(filter, maxPerPage: Math.Min(limit, 1000), cancellationToken: cancellationToken), limit, cancellationToken);
    }

    public async Task<bool> TryUpdateAsync(OutboundEvent outboundEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outboundEvent);
        try
        {
            await _table.UpdateEntityAsync(ToEntity(outboundEvent), new ETag(outboundEvent.ETag ?? "*"), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task<bool> TryAcquireLeaseAsync(string subscriber, string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var lease = new SubscriberRowEntity { PartitionKey = subscriber, RowKey = SubscriberRowEntity.Lease, Holder = holder, Until = until };
        var current = await _table.GetEntityIfExistsAsync<SubscriberRowEntity>(subscriber, SubscriberRowEntity.Lease, cancellationToken: cancellationToken);
        try
        {
            if (!current.HasValue)
            {
                await _table.AddEntityAsync(lease, cancellationToken);
                return true;
            }

            if (current.Value!.Holder != holder && current.Value.Until > now)
            {
                return false;
            }

            await _table.UpdateEntityAsync(lease, current.Value.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task ReleaseLeaseAsync(string subscriber, string holder, CancellationToken cancellationToken)
    {
        var current = await _table.GetEntityIfExistsAsync<SubscriberRowEntity>(subscriber, SubscriberRowEntity.Lease, cancellationToken: cancellationToken);
        if (current.HasValue && current.Value!.Holder == holder)
        {
            try
            {
                await _table.DeleteEntityAsync(subscriber, SubscriberRowEntity.Lease, current.Value.ETag, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                // Taken over or gone: nothing of ours to release.
            }
        }
    }

    internal Task EnsureCreatedAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken);

    private static async Task<IReadOnlyList<OutboundEvent>> TakeAsync(AsyncPageable<OutboundEventEntity> rows, int limit, CancellationToken cancellationToken)
    {
        var list = new List<OutboundEvent>();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            list.Add(ToDomain(row));
            if (list.Count >= limit)
            {
                break;
            }
        }

        return list;
    }

    private static OutboundEventEntity ToEntity(OutboundEvent e) => new()
    {
        PartitionKey = e.Subscriber,
        RowKey = OutboundEventEntity.Key(e.Sequence),
        Sequence = e.Sequence,
        EventId = e.EventId,
        Source = e.Source,
        MessageType = e.MessageType,
        OccurredAt = e.OccurredAt,
        PatientKey = e.PatientKey,
        Patient = e.Patient,
        DataBlob = e.DataBlob,
        TraceParent = e.TraceParent,
        State = e.State.ToString(),
        Attempts = e.Attempts,
        IssueCode = e.IssueCode,
    };

    private static OutboundEvent ToDomain(OutboundEventEntity e) => new(
        e.PartitionKey, e.Sequence, e.EventId, e.Source, e.MessageType, e.OccurredAt, e.PatientKey, e.Patient, e.DataBlob, e.TraceParent,
        Enum.Parse<OutboundEventState>(e.State), e.Attempts, e.IssueCode, e.ETag.ToString());
}

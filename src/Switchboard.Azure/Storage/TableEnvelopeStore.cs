using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Switchboard.Core.Audit;
using Switchboard.Core.Envelopes;
using Switchboard.Core.Ports;

namespace Switchboard.Azure.Storage;

/// <summary>
/// Envelopes and audit chains in one table (see <see cref="EnvelopeEntity"/> for the key design). Every write that
/// extends a chain is an entity-group transaction that also moves the envelope row's chain head under its ETag,
/// so two writers can never fork the chain: the loser re-reads and appends after the winner.
/// </summary>
public sealed class TableEnvelopeStore(StorageClients clients, IOptions<StorageOptions> options) : IEnvelopeStore
{
    private const int MaxChainAttempts = 8;
    private const int MaxCachedHeads = 10_000;
    private readonly TableClient _table = clients.Tables.GetTableClient(options.Value.EnvelopeTable);

    // Chain heads this instance wrote last (ETag, count, hash): the next append usually skips a read.
    // A stale entry is harmless: the ETag check fails, and the head is read from the table.
    private readonly ConcurrentDictionary<string, EnvelopeEntity> _heads = new();

    public async Task<EnvelopeRecord?> TryAcceptAsync(EnvelopeRecord record, AuditEntry accepted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(accepted);
        var audit = ToAuditEntity(accepted, 1, AuditChain.Genesis);
        var envelope = ToEntity(record);
        envelope.AuditCount = 1;
        envelope.ChainHead = audit.Hash;
        try
        {
            var responses = await _table.SubmitTransactionAsync(
                [new TableTransactionAction(TableTransactionActionType.Add, envelope), new TableTransactionAction(TableTransactionActionType.Add, audit)],
                cancellationToken);
            RememberHead(envelope, responses.Value[0]);
            return null;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            return await GetAsync(record.Envelope.EnvelopeId, cancellationToken)
                ?? throw new InvalidOperationException("Envelope insert conflicted but the envelope cannot be read.", ex);
        }
    }

    public async Task<EnvelopeRecord?> GetAsync(string envelopeId, CancellationToken cancellationToken)
    {
        var entity = await ReadEnvelopeAsync(envelopeId, cancellationToken);
        return entity is null ? null : ToRecord(entity);
    }

    public Task<AuditRecord> TransitionAsync(string envelopeId, EnvelopeState state, string? issueCode, AuditEntry entry, CancellationToken cancellationToken) =>
        ExtendChainAsync(envelopeId, entry, envelope =>
        {
            envelope.State = state.ToString();
            envelope.IssueCode = issueCode;
            envelope.Stage = entry.Stage;
        }, cancellationToken);

    public Task<AuditRecord> AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return ExtendChainAsync(entry.EnvelopeId, entry, envelope => envelope.Stage = entry.Stage, cancellationToken);
    }

    public async Task<IReadOnlyList<AuditRecord>> ReadAuditAsync(string envelopeId, CancellationToken cancellationToken)
    {
        var records = new List<AuditRecord>();
        var query = _table.QueryAsync<AuditEntity>(
            a => a.PartitionKey == envelopeId && a.RowKey.CompareTo("audit-") > 0 && a.RowKey.CompareTo("audit.") < 0,
            cancellationToken: cancellationToken);
        await foreach (var a in query)
        {
            var entry = new AuditEntry(a.PartitionKey, a.Stage, a.At, a.Source, a.TraceId, a.InputHash, a.OutputHash, a.Outcome, a.Rule, a.Actor, a.Target);
            records.Add(new AuditRecord(entry, a.Sequence, a.PreviousHash, a.Hash));
        }

        return records;
    }

    // Operator queries scan the envelope rows with a server-side filter: they are rare, and a secondary index
    // partition could not join the envelope's transactions (one partition per transaction).
    public async IAsyncEnumerable<EnvelopeRecord> QueryAsync(
        EnvelopeState? state, DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey eq {EnvelopeEntity.RowKeyValue} and ReceivedAt ge {from} and ReceivedAt lt {to}");
        if (state is { } wanted)
        {
            filter += TableClient.CreateQueryFilter($" and State eq {wanted.ToString()}");
        }

        await foreach (var entity in _table.QueryAsync<EnvelopeEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return ToRecord(entity);
        }
    }

    public async IAsyncEnumerable<EnvelopeRecord> FindByTraceAsync(string traceId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // TraceParent is "00-{trace id}-{span id}-{flags}": a prefix range selects one trace.
        var prefix = $"00-{traceId.ToLowerInvariant()}-";
        var filter = TableClient.CreateQueryFilter($"RowKey eq {EnvelopeEntity.RowKeyValue} and TraceParent ge {prefix} and TraceParent lt {prefix + "~"}");
        await foreach (var entity in _table.QueryAsync<EnvelopeEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return ToRecord(entity);
        }
    }

    public async Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var deleted = 0;
        var filter = TableClient.CreateQueryFilter($"RowKey eq {EnvelopeEntity.RowKeyValue} and ReceivedAt lt {cutoff}");
        await foreach (var envelope in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            // One partition per envelope: its rows go in batches of 100 (the transaction limit).
            var rows = new List<TableTransactionAction>();
            await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == envelope.PartitionKey, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            {
                rows.Add(new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All));
            }

            foreach (var batch in rows.Chunk(100))
            {
                await _table.SubmitTransactionAsync(batch, cancellationToken);
            }

            _heads.TryRemove(envelope.PartitionKey, out _);
            deleted++;
        }

        return deleted;
    }

    internal Task EnsureCreatedAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken);

    private async Task<AuditRecord> ExtendChainAsync(string envelopeId, AuditEntry entry, Action<EnvelopeEntity> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var envelope = (attempt == 1 && _heads.TryRemove(envelopeId, out var cached) ? cached : null)
                ?? await ReadEnvelopeAsync(envelopeId, cancellationToken)
                ?? throw new PipelineException(PipelineIssues.PayloadMissing, $"Envelope {envelopeId} does not exist.");
            var sequence = envelope.AuditCount + 1;
            var audit = ToAuditEntity(entry, sequence, envelope.ChainHead);
            change(envelope);
            envelope.AuditCount = sequence;
            envelope.ChainHead = audit.Hash;
            try
            {
                var responses = await _table.SubmitTransactionAsync(
                    [
                        new TableTransactionAction(TableTransactionActionType.UpdateMerge, envelope, envelope.ETag),
                        new TableTransactionAction(TableTransactionActionType.Add, audit),
                    ],
                    cancellationToken);
                RememberHead(envelope, responses.Value[0]);
                return new AuditRecord(entry, sequence, audit.PreviousHash, audit.Hash);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 412 or 409 && attempt < MaxChainAttempts)
            {
                // Another writer extended the chain first: re-read the head and append after it.
            }
        }
    }

    private void RememberHead(EnvelopeEntity envelope, Response written)
    {
        if (written.Headers.ETag is not { } etag)
        {
            return;
        }

        if (_heads.Count >= MaxCachedHeads)
        {
            _heads.Clear();
        }

        envelope.ETag = etag;
        _heads[envelope.PartitionKey] = envelope;
    }

    private async Task<EnvelopeEntity?> ReadEnvelopeAsync(string envelopeId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<EnvelopeEntity>(envelopeId, EnvelopeEntity.RowKeyValue, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private static AuditEntity ToAuditEntity(AuditEntry entry, int sequence, string previousHash) => new()
    {
        PartitionKey = entry.EnvelopeId,
        RowKey = AuditEntity.RowKeyFor(sequence),
        Sequence = sequence,
        Stage = entry.Stage,
        At = entry.At,
        Source = entry.Source,
        TraceId = entry.TraceId,
        InputHash = entry.InputHash,
        OutputHash = entry.OutputHash,
        Outcome = entry.Outcome,
        Rule = entry.Rule,
        Actor = entry.Actor,
        Target = entry.Target,
        PreviousHash = previousHash,
        Hash = AuditChain.Hash(entry, sequence, previousHash),
    };

    private static EnvelopeEntity ToEntity(EnvelopeRecord record)
    {
        var e = record.Envelope;
        return new EnvelopeEntity
        {
            PartitionKey = e.EnvelopeId,
            Source = e.Source,
            Kind = e.Kind.ToString(),
            MessageControlId = e.MessageControlId,
            MessageType = e.MessageType,
            PayloadHash = e.PayloadHash,
            BlobName = e.BlobName,
            ReceivedAt = e.ReceivedAt,
            EventTime = e.EventTime,
            TraceParent = e.TraceParent,
            PatientKey = e.PatientKey,
            State = record.State.ToString(),
            Response = record.Response,
            IssueCode = record.IssueCode,
            Stage = record.Stage,
        };
    }

    private static EnvelopeRecord ToRecord(EnvelopeEntity e) => new(
        new MessageEnvelope(
            e.PartitionKey, e.Source, Enum.Parse<PayloadKind>(e.Kind), e.MessageControlId, e.MessageType, e.PayloadHash,
            e.BlobName, e.ReceivedAt, e.EventTime, e.PatientKey, e.TraceParent),
        Enum.Parse<EnvelopeState>(e.State),
        e.Response,
        e.IssueCode,
        e.Stage);
}

using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Switchboard.Core.Audit;
using Switchboard.Core.Ports;

namespace Switchboard.Azure.Storage;

public sealed class TableAuditLog(StorageClients clients, IOptions<StorageOptions> options) : IAuditLog
{
    private readonly TableClient _table = clients.Tables.GetTableClient(options.Value.AuditTable);

    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var entity = new AuditEntity
        {
            PartitionKey = entry.EnvelopeId,
            RowKey = $"{entry.At.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}-{entry.Stage}",
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
        };
        // Upsert: a redelivered stage that re-audits the same instant rewrites its own row instead of failing.
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(string envelopeId, CancellationToken cancellationToken)
    {
        var entries = new List<AuditEntry>();
        await foreach (var e in _table.QueryAsync<AuditEntity>(a => a.PartitionKey == envelopeId, cancellationToken: cancellationToken))
        {
            entries.Add(new AuditEntry(e.PartitionKey, e.Stage, e.At, e.Source, e.TraceId, e.InputHash, e.OutputHash, e.Outcome, e.Rule, e.Actor, e.Target));
        }

        return entries;
    }

    internal Task EnsureCreatedAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken);
}

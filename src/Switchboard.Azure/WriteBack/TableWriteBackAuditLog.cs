using System.Globalization;
using Azure.Data.Tables;
using Switchboard.Core.WriteBack;

namespace Switchboard.Azure.WriteBack;

public sealed class TableWriteBackAuditLog(WriteBackStorage storage) : IWriteBackAuditLog
{
    public async Task AppendAsync(WriteBackAuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var entity = new WriteBackAuditEntity
        {
            PartitionKey = entry.InstanceId,
            RowKey = $"{entry.At.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}-{entry.State}",
            At = entry.At,
            State = entry.State,
            Code = entry.Code,
            Rule = entry.Rule,
            Actor = entry.Actor,
            Target = entry.Target,
        };
        await storage.Audit.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<WriteBackAuditEntry>> ReadAsync(string instanceId, CancellationToken cancellationToken)
    {
        var entries = new List<WriteBackAuditEntry>();
        await foreach (var e in storage.Audit.QueryAsync<WriteBackAuditEntity>(a => a.PartitionKey == instanceId, cancellationToken: cancellationToken))
        {
            entries.Add(new WriteBackAuditEntry(e.PartitionKey, e.At, e.State, e.Code, e.Rule, e.Actor, e.Target));
        }

        return entries;
    }
}

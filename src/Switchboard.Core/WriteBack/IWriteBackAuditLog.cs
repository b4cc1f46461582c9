namespace Switchboard.Core.WriteBack;

/// <summary>Every state change of every write-back.</summary>
public interface IWriteBackAuditLog
{
    Task AppendAsync(WriteBackAuditEntry entry, CancellationToken cancellationToken);

    Task<IReadOnlyList<WriteBackAuditEntry>> ReadAsync(string instanceId, CancellationToken cancellationToken);
}

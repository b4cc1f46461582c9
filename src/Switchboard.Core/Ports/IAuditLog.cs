using Switchboard.Core.Audit;

namespace Switchboard.Core.Ports;

public interface IAuditLog
{
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    Task<IReadOnlyList<AuditEntry>> ReadAsync(string envelopeId, CancellationToken cancellationToken);
}

using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Switchboard.Core.Ordering;
using Switchboard.Core.Ports;

namespace Switchboard.Azure.Storage;

public sealed class TablePatientOrderStore(StorageClients clients, IOptions<StorageOptions> options) : IPatientOrderStore
{
    private readonly TableClient _table = clients.Tables.GetTableClient(options.Value.PatientOrderTable);

    public async Task<PatientOrderState?> GetAsync(string patientKey, string destination, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<PatientOrderEntity>(patientKey, destination, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e
            ? new PatientOrderState(e.PartitionKey, e.RowKey, e.EventTime, e.EnvelopeId, e.ETag.ToString())
            : null;
    }

    public async Task<bool> TryClaimAsync(PatientOrderState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var entity = new PatientOrderEntity
        {
            PartitionKey = state.PatientKey,
            RowKey = state.Destination,
            EventTime = state.EventTime,
            EnvelopeId = state.EnvelopeId,
        };
        return await _table.TryWriteAsync(entity, state.ETag, cancellationToken);
    }

    internal Task EnsureCreatedAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken);
}

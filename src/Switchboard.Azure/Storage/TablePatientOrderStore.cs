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
        try
        {
            if (state.ETag is null)
            {
                await _table.AddEntityAsync(entity, cancellationToken);
            }
            else
            {
                await _table.UpdateEntityAsync(entity, new ETag(state.ETag), TableUpdateMode.Replace, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    internal Task EnsureCreatedAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken);
}

using Azure;
using Azure.Data.Tables;

namespace Switchboard.Azure.Storage;

/// <summary>The one optimistic-concurrency write the stores share.</summary>
internal static class OptimisticTableWrites
{
    /// <summary>
    /// Inserts <paramref name="entity"/> when <paramref name="etag"/> is null (only if the row is absent), otherwise
    /// replaces the row only if it still has that ETag. Returns false when another writer got there first.
    /// </summary>
    public static async Task<bool> TryWriteAsync(this TableClient table, ITableEntity entity, string? etag, CancellationToken cancellationToken)
    {
        try
        {
            if (etag is null)
            {
                await table.AddEntityAsync(entity, cancellationToken);
            }
            else
            {
                await table.UpdateEntityAsync(entity, new ETag(etag), TableUpdateMode.Replace, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }
}

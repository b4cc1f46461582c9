using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Switchboard.Azure.Storage;
using Switchboard.Core.Envelopes;
using Switchboard.Identity;
using Switchboard.Identity.Index;

namespace Switchboard.Azure.Identity;

/// <summary>
/// <see cref="IMasterPatientIndexStore"/> on Azure Table storage. A null ETag inserts (an existing row answers
/// 409), a non-null ETag replaces exactly that version (a changed row answers 412, a deleted one 404); all three
/// surface as <see cref="IdentityConcurrencyException"/>. Key design: <see cref="SourceLinkEntity"/>,
/// <see cref="EnterpriseEntity"/>, <see cref="ReviewItemEntity"/>.
/// </summary>
public sealed class TableMasterPatientIndexStore : IMasterPatientIndexStore
{
    private readonly TableClient _links;
    private readonly TableClient _enterprises;
    private readonly TableClient _reviews;

    private readonly PatientKeys _patientKeys;

    public TableMasterPatientIndexStore(StorageClients clients, IOptions<IdentityTableOptions> options, PatientKeys patientKeys)
    {
        ArgumentNullException.ThrowIfNull(clients);
        _patientKeys = patientKeys;
        ArgumentNullException.ThrowIfNull(options);
        _links = clients.Tables.GetTableClient(options.Value.LinkTable);
        _enterprises = clients.Tables.GetTableClient(options.Value.EnterpriseTable);
        _reviews = clients.Tables.GetTableClient(options.Value.ReviewTable);
    }

    public async Task<SourceLink?> GetLinkAsync(SourceRecordKey key, CancellationToken cancellationToken)
    {
        var response = await _links.GetEntityIfExistsAsync<SourceLinkEntity>(
            TableKeys.Escape(key.SourceSystem), MrnKey(key), cancellationToken: cancellationToken);
        return response.HasValue ? ToLink(response.Value!) : null;
    }

    // Links of one enterprise are a filtered scan across source systems: used by merges, unmerges and reviews,
    // which are rare next to the point reads of GetLinkAsync.
    public async Task<IReadOnlyList<SourceLink>> GetLinksAsync(string enterpriseId, CancellationToken cancellationToken)
    {
        var result = new List<SourceLink>();
        await foreach (var e in _links.QueryAsync<SourceLinkEntity>(l => l.EnterpriseId == enterpriseId, cancellationToken: cancellationToken))
        {
            result.Add(ToLink(e));
        }

        return result;
    }

    public async Task<SourceLink> SaveLinkAsync(SourceLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        var entity = new SourceLinkEntity
        {
            PartitionKey = TableKeys.Escape(link.Key.SourceSystem),
            RowKey = MrnKey(link.Key),
            SourceSystem = link.Key.SourceSystem,
            Mrn = link.Key.Mrn,
            EnterpriseId = link.EnterpriseId,
            Score = double.IsFinite(link.Score) ? link.Score : null,
            Origin = link.Origin.ToString(),
            Rule = link.Rule,
            UpdatedAt = link.UpdatedAt,
        };
        return link with { ETag = await WriteAsync(_links, entity, link.ETag, cancellationToken) };
    }

    public async Task<EnterpriseRecord?> GetEnterpriseAsync(string enterpriseId, CancellationToken cancellationToken)
    {
        var response = await _enterprises.GetEntityIfExistsAsync<EnterpriseEntity>(
            TableKeys.Escape(enterpriseId), EnterpriseEntity.RowKeyValue, cancellationToken: cancellationToken);
        return response.HasValue ? ToEnterprise(enterpriseId, response.Value!) : null;
    }

    public async Task<EnterpriseRecord> SaveEnterpriseAsync(EnterpriseRecord enterprise, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enterprise);
        var entity = new EnterpriseEntity
        {
            PartitionKey = TableKeys.Escape(enterprise.Id),
            MergedInto = enterprise.MergedInto,
            UpdatedAt = enterprise.UpdatedAt,
        };
        return enterprise with { ETag = await WriteAsync(_enterprises, entity, enterprise.ETag, cancellationToken) };
    }

    public async Task<ReviewItem?> GetReviewItemAsync(string id, CancellationToken cancellationToken)
    {
        var response = await _reviews.GetEntityIfExistsAsync<ReviewItemEntity>(
            ReviewItemEntity.PartitionKeyValue, TableKeys.Escape(id), cancellationToken: cancellationToken);
        return response.HasValue ? ToReview(id, response.Value!) : null;
    }

    public async Task<ReviewItem> SaveReviewItemAsync(ReviewItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var entity = new ReviewItemEntity
        {
            RowKey = TableKeys.Escape(item.Id),
            SourceSystemA = item.A.SourceSystem,
            MrnA = item.A.Mrn,
            SourceSystemB = item.B.SourceSystem,
            MrnB = item.B.Mrn,
            Score = item.Score,
            Rule = item.Rule,
            Status = item.Status.ToString(),
            DecidedBy = item.DecidedBy,
            UpdatedAt = item.UpdatedAt,
        };
        return item with { ETag = await WriteAsync(_reviews, entity, item.ETag, cancellationToken) };
    }

    public async Task<IReadOnlyList<ReviewItem>> GetOpenReviewItemsAsync(int max, CancellationToken cancellationToken)
    {
        var result = new List<ReviewItem>();
        var open = nameof(ReviewStatus.Open);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ReviewItemEntity.PartitionKeyValue} and Status eq {open}");
        await foreach (var e in _reviews.QueryAsync<ReviewItemEntity>(filter, maxPerPage: Math.Clamp(max, 1, 1000), cancellationToken: cancellationToken))
        {
            if (result.Count >= max)
            {
                break;
            }

            result.Add(ToReview(null, e));
        }

        return result;
    }

    internal async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await _links.CreateIfNotExistsAsync(cancellationToken);
        await _enterprises.CreateIfNotExistsAsync(cancellationToken);
        await _reviews.CreateIfNotExistsAsync(cancellationToken);
    }

    private static async Task<string> WriteAsync<T>(TableClient table, T entity, string? expectedETag, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        try
        {
            var response = expectedETag is null
                ? await table.AddEntityAsync(entity, cancellationToken)
                : await table.UpdateEntityAsync(entity, new ETag(expectedETag), TableUpdateMode.Replace, cancellationToken);
            return response.Headers.ETag?.ToString()
                ?? throw new InvalidOperationException("Table storage returned no ETag for a write.");
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            throw new IdentityConcurrencyException(ex.Status == 409
                ? "ID409: the record already exists."
                : "ID409: the record was changed by someone else (stale ETag).", ex);
        }
    }

    private static SourceLink ToLink(SourceLinkEntity e) => new(
        new SourceRecordKey(e.SourceSystem, e.Mrn),
        e.EnterpriseId,
        e.Score ?? double.PositiveInfinity,
        Enum.Parse<LinkOrigin>(e.Origin),
        e.Rule,
        e.UpdatedAt,
        e.ETag.ToString());

    private static EnterpriseRecord ToEnterprise(string id, EnterpriseEntity e) => new(id, e.MergedInto, e.UpdatedAt, e.ETag.ToString());

    private static ReviewItem ToReview(string? id, ReviewItemEntity e) => new(
        id ?? Unescape(e.RowKey),
        new SourceRecordKey(e.SourceSystemA, e.MrnA),
        new SourceRecordKey(e.SourceSystemB, e.MrnB),
        e.Score,
        e.Rule,
        Enum.Parse<ReviewStatus>(e.Status),
        e.DecidedBy,
        e.UpdatedAt,
        e.ETag.ToString());

    private static string Unescape(string key) => Uri.UnescapeDataString(key);

    // Keys travel in request URLs, which reach HTTP telemetry: an MRN must never be one, so the row key is its
    // keyed hash (an unkeyed hash of a short MRN is easy to reverse). The MRN itself is a property of the row.
    private string MrnKey(SourceRecordKey key) => _patientKeys.For(key.SourceSystem, "mrn", key.Mrn);
}

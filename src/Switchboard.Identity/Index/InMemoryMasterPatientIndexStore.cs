using System.Globalization;

namespace Switchboard.Identity.Index;

/// <summary>The index in memory, with the same ETag semantics as the Table-storage adapter. Thread-safe.</summary>
public sealed class InMemoryMasterPatientIndexStore : IMasterPatientIndexStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<SourceRecordKey, SourceLink> _links = [];
    private readonly Dictionary<string, EnterpriseRecord> _enterprises = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReviewItem> _reviews = new(StringComparer.Ordinal);
    private long _version;

    public Task<SourceLink?> GetLinkAsync(SourceRecordKey key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_links.GetValueOrDefault(key));
        }
    }

    public Task<IReadOnlyList<SourceLink>> GetLinksAsync(string enterpriseId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<SourceLink> result = _links.Values.Where(l => l.EnterpriseId == enterpriseId).ToList();
            return Task.FromResult(result);
        }
    }

    public Task<SourceLink> SaveLinkAsync(SourceLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        lock (_gate)
        {
            var saved = link with { ETag = NextETag(_links.GetValueOrDefault(link.Key)?.ETag, link.ETag) };
            _links[link.Key] = saved;
            return Task.FromResult(saved);
        }
    }

    public Task<EnterpriseRecord?> GetEnterpriseAsync(string enterpriseId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_enterprises.GetValueOrDefault(enterpriseId));
        }
    }

    public Task<EnterpriseRecord> SaveEnterpriseAsync(EnterpriseRecord enterprise, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enterprise);
        lock (_gate)
        {
            var saved = enterprise with { ETag = NextETag(_enterprises.GetValueOrDefault(enterprise.Id)?.ETag, enterprise.ETag) };
            _enterprises[enterprise.Id] = saved;
            return Task.FromResult(saved);
        }
    }

    public Task<ReviewItem?> GetReviewItemAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_reviews.GetValueOrDefault(id));
        }
    }

    public Task<ReviewItem> SaveReviewItemAsync(ReviewItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_gate)
        {
            var saved = item with { ETag = NextETag(_reviews.GetValueOrDefault(item.Id)?.ETag, item.ETag) };
            _reviews[item.Id] = saved;
            return Task.FromResult(saved);
        }
    }

    public Task<IReadOnlyList<ReviewItem>> GetOpenReviewItemsAsync(int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<ReviewItem> result = _reviews.Values.Where(r => r.Status == ReviewStatus.Open)
                .OrderBy(r => r.Id, StringComparer.Ordinal).Take(max).ToList();
            return Task.FromResult(result);
        }
    }

    /// <summary>Insert (expected null, none stored) or replace (expected equals stored); anything else is a conflict.</summary>
    private string NextETag(string? stored, string? expected)
    {
        if (!string.Equals(stored, expected, StringComparison.Ordinal))
        {
            throw new IdentityConcurrencyException(expected is null
                ? "ID409: the record already exists."
                : "ID409: the record was changed by someone else (stale ETag).");
        }

        return "W/\"" + (++_version).ToString(CultureInfo.InvariantCulture) + "\"";
    }
}

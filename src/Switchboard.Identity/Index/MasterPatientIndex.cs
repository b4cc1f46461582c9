namespace Switchboard.Identity.Index;

/// <summary>
/// Master patient index rules over <see cref="IMasterPatientIndexStore"/>: automatic links never override manual
/// decisions; merges (ADT^A40) point the retired identity at its survivor and unmerges undo that; review decisions
/// use optimistic concurrency (a stale ETag raises <see cref="IdentityConcurrencyException"/>, HTTP 409).
/// </summary>
public sealed class MasterPatientIndex
{
    private const int MaxMergeDepth = 64;
    private readonly IMasterPatientIndexStore _store;
    private readonly TimeProvider _time;

    public MasterPatientIndex(IMasterPatientIndexStore store, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The surviving enterprise id for a chart, following merges; null when the chart is unknown.</summary>
    public async Task<string?> ResolveAsync(SourceRecordKey key, CancellationToken cancellationToken)
    {
        var link = await _store.GetLinkAsync(key, cancellationToken);
        return link is null ? null : await SurvivorAsync(link.EnterpriseId, cancellationToken);
    }

    /// <summary>The end of the merge chain starting at <paramref name="enterpriseId"/>.</summary>
    public async Task<string> SurvivorAsync(string enterpriseId, CancellationToken cancellationToken)
    {
        var id = enterpriseId;
        for (var i = 0; i < MaxMergeDepth; i++)
        {
            var e = await _store.GetEnterpriseAsync(id, cancellationToken);
            if (e?.MergedInto is null)
            {
                return id;
            }

            id = e.MergedInto;
        }

        throw new InvalidOperationException("ID410: merge chain too long or cyclic.");
    }

    /// <summary>
    /// Records the matcher's link of a chart to an enterprise id. A manual link is kept as it is (returned
    /// unchanged); an automatic one is created or updated.
    /// </summary>
    public async Task<SourceLink> LinkAutomaticallyAsync(SourceRecordKey key, string enterpriseId, double score, string rule, CancellationToken cancellationToken)
    {
        var existing = await _store.GetLinkAsync(key, cancellationToken);
        if (existing?.Origin == LinkOrigin.Manual)
        {
            return existing;
        }

        await EnsureEnterpriseAsync(enterpriseId, cancellationToken);
        var link = new SourceLink(key, enterpriseId, score, LinkOrigin.Auto, rule, _time.GetUtcNow(), existing?.ETag);
        return await _store.SaveLinkAsync(link, cancellationToken);
    }

    /// <summary>A person links a chart to an enterprise id; <paramref name="expectedETag"/> is the version they saw.</summary>
    public async Task<SourceLink> LinkManuallyAsync(SourceRecordKey key, string enterpriseId, string? expectedETag, CancellationToken cancellationToken)
    {
        await EnsureEnterpriseAsync(enterpriseId, cancellationToken);
        var link = new SourceLink(key, enterpriseId, double.PositiveInfinity, LinkOrigin.Manual, "manual", _time.GetUtcNow(), expectedETag);
        return await _store.SaveLinkAsync(link, cancellationToken);
    }

    /// <summary>ADT^A40 / Patient.link replaced-by: <paramref name="retiredId"/> now resolves to <paramref name="survivorId"/>.</summary>
    public async Task MergeAsync(string survivorId, string retiredId, CancellationToken cancellationToken)
    {
        var survivor = await SurvivorAsync(survivorId, cancellationToken);
        var retired = await SurvivorAsync(retiredId, cancellationToken);
        if (survivor == retired)
        {
            return;
        }

        var record = await EnsureEnterpriseAsync(retired, cancellationToken);
        await _store.SaveEnterpriseAsync(record with { MergedInto = survivor, UpdatedAt = _time.GetUtcNow() }, cancellationToken);
    }

    /// <summary>Undoes a merge: <paramref name="retiredId"/> resolves to itself again, with its own charts.</summary>
    public async Task UnmergeAsync(string retiredId, CancellationToken cancellationToken)
    {
        var record = await _store.GetEnterpriseAsync(retiredId, cancellationToken);
        if (record?.MergedInto is null)
        {
            return;
        }

        await _store.SaveEnterpriseAsync(record with { MergedInto = null, UpdatedAt = _time.GetUtcNow() }, cancellationToken);
    }

    public async Task<ReviewItem> OpenReviewAsync(string id, SourceRecordKey a, SourceRecordKey b, double score, string rule, CancellationToken cancellationToken)
    {
        var item = new ReviewItem(id, a, b, score, rule, ReviewStatus.Open, null, _time.GetUtcNow());
        return await _store.SaveReviewItemAsync(item, cancellationToken);
    }

    /// <summary>
    /// A reviewer's decision. <paramref name="expectedETag"/> is the version the reviewer saw: if the item changed
    /// since (decided by someone else), <see cref="IdentityConcurrencyException"/> is thrown and nothing changes.
    /// "Same person" merges B's identity into A's and marks both charts' links manual.
    /// </summary>
    public async Task<ReviewItem> DecideReviewAsync(string id, string expectedETag, bool samePerson, string reviewer, CancellationToken cancellationToken)
    {
        var item = await _store.GetReviewItemAsync(id, cancellationToken)
            ?? throw new KeyNotFoundException($"ID404: review item {id} not found.");
        if (!string.Equals(item.ETag, expectedETag, StringComparison.Ordinal) || item.Status != ReviewStatus.Open)
        {
            throw new IdentityConcurrencyException("ID409: the review item was changed or decided by someone else.");
        }

        // Claim the item first (ETag-checked), so two reviewers cannot both apply a decision.
        var decided = await _store.SaveReviewItemAsync(item with
        {
            Status = samePerson ? ReviewStatus.SamePerson : ReviewStatus.DifferentPeople,
            DecidedBy = reviewer,
            UpdatedAt = _time.GetUtcNow(),
        }, cancellationToken);

        if (samePerson)
        {
            var a = await ResolveAsync(item.A, cancellationToken);
            var b = await ResolveAsync(item.B, cancellationToken);
            if (a is not null && b is not null)
            {
                await MergeAsync(a, b, cancellationToken);
            }

            await MarkManualAsync(item.A, cancellationToken);
            await MarkManualAsync(item.B, cancellationToken);
        }

        return decided;
    }

    private async Task MarkManualAsync(SourceRecordKey key, CancellationToken cancellationToken)
    {
        var link = await _store.GetLinkAsync(key, cancellationToken);
        if (link is not null && link.Origin != LinkOrigin.Manual)
        {
            await _store.SaveLinkAsync(link with { Origin = LinkOrigin.Manual, Rule = "manual-review", UpdatedAt = _time.GetUtcNow() }, cancellationToken);
        }
    }

    private async Task<EnterpriseRecord> EnsureEnterpriseAsync(string id, CancellationToken cancellationToken)
    {
        var e = await _store.GetEnterpriseAsync(id, cancellationToken);
        return e ?? await _store.SaveEnterpriseAsync(new EnterpriseRecord(id, null, _time.GetUtcNow()), cancellationToken);
    }
}

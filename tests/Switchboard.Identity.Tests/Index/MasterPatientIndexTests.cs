using Switchboard.Identity.Index;

namespace Switchboard.Identity.Tests.Index;

public sealed class MasterPatientIndexTests
{
    private static readonly SourceRecordKey A = new("ADT", "1");
    private static readonly SourceRecordKey B = new("LAB", "9");
    private readonly InMemoryMasterPatientIndexStore _store = new();

    [Fact]
    public async Task LinkAutomatically_ManualLinkExists_KeepsManual()
    {
        var mpi = new MasterPatientIndex(_store);
        await mpi.LinkManuallyAsync(A, "E1", null, CancellationToken.None);

        var link = await mpi.LinkAutomaticallyAsync(A, "E2", 30, "fs-auto", CancellationToken.None);

        Assert.Equal("E1", link.EnterpriseId);
        Assert.Equal(LinkOrigin.Manual, link.Origin);
    }

    [Fact]
    public async Task MergeThenUnmerge_Resolve_FollowsAndRestores()
    {
        var mpi = new MasterPatientIndex(_store);
        await mpi.LinkAutomaticallyAsync(A, "E1", 30, "fs-auto", CancellationToken.None);
        await mpi.LinkAutomaticallyAsync(B, "E2", 30, "fs-auto", CancellationToken.None);

        await mpi.MergeAsync("E1", "E2", CancellationToken.None);
        var merged = await mpi.ResolveAsync(B, CancellationToken.None);
        await mpi.UnmergeAsync("E2", CancellationToken.None);
        var restored = await mpi.ResolveAsync(B, CancellationToken.None);

        Assert.Equal("E1", merged);
        Assert.Equal("E2", restored);
    }

    [Fact]
    public async Task DecideReview_StaleETag_ThrowsId409AndChangesNothing()
    {
        var mpi = new MasterPatientIndex(_store);
        await mpi.LinkAutomaticallyAsync(A, "E1", 30, "fs-auto", CancellationToken.None);
        await mpi.LinkAutomaticallyAsync(B, "E2", 30, "fs-auto", CancellationToken.None);
        var item = await mpi.OpenReviewAsync("R1", A, B, 20, "fs-review", CancellationToken.None);
        await mpi.DecideReviewAsync("R1", item.ETag!, samePerson: false, "alice", CancellationToken.None);

        var ex = await Assert.ThrowsAsync<IdentityConcurrencyException>(
            () => mpi.DecideReviewAsync("R1", item.ETag!, samePerson: true, "bob", CancellationToken.None));

        Assert.StartsWith(IdentityConcurrencyException.Code, ex.Message, StringComparison.Ordinal);
        Assert.Equal("E2", await mpi.ResolveAsync(B, CancellationToken.None));
    }

    [Fact]
    public async Task DecideReview_SamePerson_MergesAndMarksManual()
    {
        var mpi = new MasterPatientIndex(_store);
        await mpi.LinkAutomaticallyAsync(A, "E1", 30, "fs-auto", CancellationToken.None);
        await mpi.LinkAutomaticallyAsync(B, "E2", 30, "fs-auto", CancellationToken.None);
        var item = await mpi.OpenReviewAsync("R1", A, B, 20, "fs-review", CancellationToken.None);

        await mpi.DecideReviewAsync("R1", item.ETag!, samePerson: true, "alice", CancellationToken.None);

        Assert.Equal("E1", await mpi.ResolveAsync(B, CancellationToken.None));
        Assert.Equal(LinkOrigin.Manual, (await _store.GetLinkAsync(B, CancellationToken.None))!.Origin);
    }

    [Fact]
    public async Task SaveLink_InsertOverExisting_ThrowsConflict()
    {
        await _store.SaveLinkAsync(new SourceLink(A, "E1", 1, LinkOrigin.Auto, "r", DateTimeOffset.UnixEpoch), CancellationToken.None);

        await Assert.ThrowsAsync<IdentityConcurrencyException>(
            () => _store.SaveLinkAsync(new SourceLink(A, "E2", 1, LinkOrigin.Auto, "r", DateTimeOffset.UnixEpoch), CancellationToken.None));
    }
}

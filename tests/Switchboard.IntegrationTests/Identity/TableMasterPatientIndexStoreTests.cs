using Switchboard.Azure.Identity;
using Switchboard.Identity;
using Switchboard.Identity.Index;
using Switchboard.Testing.Servers;

namespace Switchboard.IntegrationTests.Identity;

/// <summary>The master patient index on Table storage (Azurite): ETag semantics, escaping, and the index rules on top.</summary>
[Collection(ServersCollection.Name)]
[Trait("Category", "Integration")]
public sealed class TableMasterPatientIndexStoreTests(AzuriteFixture azurite, FhirServerFixture fhir) : IAsyncLifetime
{
    private SwitchboardHost _host = null!;

    private TableMasterPatientIndexStore Store => _host.Get<TableMasterPatientIndexStore>();

    public async Task InitializeAsync() => _host = await SwitchboardHost.StartAsync(azurite, fhir);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SaveLinkAsync_InsertThenReplaceWithETag_RoundTripsAndMovesTheETag()
    {
        var key = new SourceRecordKey("LAB/" + Guid.NewGuid().ToString("N"), "M#1?2\\3");
        var inserted = await Store.SaveLinkAsync(new SourceLink(key, "E1", 24.5, LinkOrigin.Auto, "fs-auto", DateTimeOffset.UtcNow), default);
        var replaced = await Store.SaveLinkAsync(inserted with { EnterpriseId = "E2" }, default);

        var read = await Store.GetLinkAsync(key, default);

        Assert.NotNull(read);
        Assert.Equal(key, read.Key);
        Assert.Equal("E2", read.EnterpriseId);
        Assert.Equal(24.5, read.Score);
        Assert.Equal(replaced.ETag, read.ETag);
        Assert.NotEqual(inserted.ETag, replaced.ETag);
    }

    [Fact]
    public async Task SaveLinkAsync_StaleETag_ThrowsIdentityConcurrencyException()
    {
        var key = new SourceRecordKey("ADT-" + Guid.NewGuid().ToString("N"), "M1");
        var first = await Store.SaveLinkAsync(new SourceLink(key, "E1", 30, LinkOrigin.Auto, "fs-auto", DateTimeOffset.UtcNow), default);
        await Store.SaveLinkAsync(first with { EnterpriseId = "E2" }, default);

        await Assert.ThrowsAsync<IdentityConcurrencyException>(() => Store.SaveLinkAsync(first with { EnterpriseId = "E3" }, default));
        Assert.Equal("E2", (await Store.GetLinkAsync(key, default))!.EnterpriseId);
    }

    [Fact]
    public async Task SaveEnterpriseAsync_InsertTwice_ThrowsIdentityConcurrencyException()
    {
        var id = "E" + Guid.NewGuid().ToString("N");
        await Store.SaveEnterpriseAsync(new EnterpriseRecord(id, null, DateTimeOffset.UtcNow), default);

        await Assert.ThrowsAsync<IdentityConcurrencyException>(() => Store.SaveEnterpriseAsync(new EnterpriseRecord(id, null, DateTimeOffset.UtcNow), default));
    }

    [Fact]
    public async Task LinkAutomaticallyAsync_ManualLinkExists_KeepsTheManualLink()
    {
        var index = new MasterPatientIndex(Store);
        var key = new SourceRecordKey("ADT-" + Guid.NewGuid().ToString("N"), "M7");
        await index.LinkManuallyAsync(key, "E-manual-" + Guid.NewGuid().ToString("N"), null, default);

        var kept = await index.LinkAutomaticallyAsync(key, "E-auto", 40, "fs-auto", default);

        Assert.Equal(LinkOrigin.Manual, kept.Origin);
        Assert.Equal(kept.EnterpriseId, (await Store.GetLinkAsync(key, default))!.EnterpriseId);
    }

    [Fact]
    public async Task DecideReviewAsync_StaleDecision_ThrowsAndSamePersonMerges()
    {
        var index = new MasterPatientIndex(Store);
        var source = "ADT-" + Guid.NewGuid().ToString("N");
        var (a, b) = (new SourceRecordKey(source, "A"), new SourceRecordKey(source, "B"));
        var (ea, eb) = ("E" + Guid.NewGuid().ToString("N"), "E" + Guid.NewGuid().ToString("N"));
        await index.LinkAutomaticallyAsync(a, ea, 0, "no-match", default);
        await index.LinkAutomaticallyAsync(b, eb, 0, "no-match", default);
        var item = await index.OpenReviewAsync("R" + Guid.NewGuid().ToString("N"), a, b, 21, "fs-review", default);
        Assert.Contains(await Store.GetOpenReviewItemsAsync(1000, default), r => r.Id == item.Id);

        await index.DecideReviewAsync(item.Id, item.ETag!, samePerson: true, "reviewer-1", default);

        await Assert.ThrowsAsync<IdentityConcurrencyException>(() => index.DecideReviewAsync(item.Id, item.ETag!, samePerson: false, "reviewer-2", default));
        Assert.Equal(await index.ResolveAsync(a, default), await index.ResolveAsync(b, default));
        Assert.Equal(LinkOrigin.Manual, (await Store.GetLinkAsync(b, default))!.Origin);
        Assert.DoesNotContain(await Store.GetOpenReviewItemsAsync(1000, default), r => r.Id == item.Id);
    }
}

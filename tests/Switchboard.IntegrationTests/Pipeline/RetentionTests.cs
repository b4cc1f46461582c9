using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.Envelopes;
using Switchboard.Core.Ports;
using Switchboard.Functions.Operations;
using Switchboard.Testing.Hl7;
using Switchboard.Testing.Servers;
using static Switchboard.IntegrationTests.Pipeline.Hl7PipelineTests;

namespace Switchboard.IntegrationTests.Pipeline;

[Collection(ServersCollection.Name)]
[Trait("Category", "Integration")]
public sealed class RetentionTests(AzuriteFixture azurite, FhirServerFixture fhir)
{
    [Fact]
    public async Task Purge_PastRetention_RemovesOldEnvelopesAuditAndPayloadsOnly()
    {
        var clock = new ShiftedTime();
        await using var host = await SwitchboardHost.StartAsync(azurite, fhir, configure: s => s.AddSingleton<TimeProvider>(clock));
        var old = Unique("OLD");
        await PostAsync(host, "test-adt", SyntheticAdt.A01(old, Unique("MRN")));
        var oldEnvelope = (await host.Get<IEnvelopeStore>().GetAsync(EnvelopeIds.FromIdempotencyKey("test-adt", old), default))!.Envelope;

        clock.Shift = TimeSpan.FromDays(400);
        var fresh = Unique("NEW");
        await PostAsync(host, "test-adt", SyntheticAdt.A01(fresh, Unique("MRN")));
        var purged = await host.Get<RetentionService>().PurgeAsync(default);

        var store = host.Get<IEnvelopeStore>();
        Assert.True(purged.Envelopes >= 1);
        Assert.Null(await store.GetAsync(oldEnvelope.EnvelopeId, default));
        Assert.Empty(await store.ReadAuditAsync(oldEnvelope.EnvelopeId, default));
        Assert.NotNull(await store.GetAsync(EnvelopeIds.FromIdempotencyKey("test-adt", fresh), default));
        await Assert.ThrowsAsync<PipelineException>(() => host.Get<IPayloadStore>().GetAsync(oldEnvelope.BlobName, default));
    }

    [Fact]
    public async Task DeadLetter_EnvelopePurgedWhileQueued_KeepsTheMessageInsteadOfFailing()
    {
        await using var host = await SwitchboardHost.StartAsync(azurite, fhir);
        var envelope = new MessageEnvelope(Guid.NewGuid().ToString("N"), "test-adt", PayloadKind.Hl7v2, "GONE", "ADT^A01", new string('0', 64),
            "test-adt/" + new string('0', 64), DateTimeOffset.UtcNow, null, null, null);

        var message = EnvelopeJson.Serialize(new StageMessage(envelope));

        await host.Create<Functions.Triggers.TranslateDeadLetterFunction>().RunAsync(message, default);

        Assert.Null(await host.Get<IEnvelopeStore>().GetAsync(envelope.EnvelopeId, default));
        var kept = await host.Get<IPayloadStore>().GetAsync($"deadletter/orphaned/{Core.Hashing.PayloadHash.Of(System.Text.Encoding.UTF8.GetBytes(message))}", default);
        Assert.Equal(message, System.Text.Encoding.UTF8.GetString(kept));
    }

    /// <summary>Real time moved forward by <see cref="Shift"/>; blob timestamps stay real, so old blobs look 400 days old.</summary>
    private sealed class ShiftedTime : TimeProvider
    {
        public TimeSpan Shift { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Shift;
    }
}

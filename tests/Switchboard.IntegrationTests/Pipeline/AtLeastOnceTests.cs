using System.Collections.Concurrent;
using Switchboard.Core.Envelopes;
using Switchboard.Core.Ports;
using Switchboard.Fhir.Rest;
using Switchboard.Testing.Hl7;
using Switchboard.Testing.Servers;
using Xunit.Abstractions;
using static Switchboard.IntegrationTests.Pipeline.Hl7PipelineTests;

namespace Switchboard.IntegrationTests.Pipeline;

/// <summary>
/// 1,000 messages, each sent three times in shuffled order by concurrent senders, processed by concurrent workers
/// that also see every queue message twice: exactly one effect per message, none lost.
/// </summary>
[Collection(ServersCollection.Name)]
[Trait("Category", "Integration")]
public sealed class AtLeastOnceTests(AzuriteFixture azurite, FhirServerFixture fhir, ITestOutputHelper output)
{
    private const int Messages = 1000;
    private const int Copies = 3;

    [Fact]
    public async Task Pipeline_ThousandMessagesSentThriceAndRedelivered_ExactlyOneEffectEach()
    {
        await using var host = await SwitchboardHost.StartAsync(azurite, fhir);
        await new QueuePump(host).DrainAsync();
        var run = Guid.NewGuid().ToString("N")[..8];
        var messages = Enumerable.Range(0, Messages)
            .Select(i => (ControlId: $"ALO{run}{i:D4}", Mrn: $"ALO{run}M{i:D4}"))
            .ToList();
        var sends = messages.SelectMany(m => Enumerable.Repeat(m, Copies)).OrderBy(_ => Random.Shared.Next()).ToList();
        var acks = new ConcurrentDictionary<string, ConcurrentBag<string>>();

        await Parallel.ForEachAsync(sends, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (m, _) =>
        {
            var (status, ack) = await PostAsync(host, "test-adt", SyntheticAdt.A01(m.ControlId, m.Mrn));
            Assert.Equal(200, status);
            acks.GetOrAdd(m.ControlId, _ => []).Add(ack);
        });
        var pump = new QueuePump(host, workers: 4, redeliverEach: true);
        await pump.DrainAsync(TimeSpan.FromMinutes(10));

        var store = host.Get<IEnvelopeStore>();
        var created = 0;
        var targets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (controlId, _) in messages)
        {
            var chain = await store.ReadAuditAsync(EnvelopeIds.FromIdempotencyKey("test-adt", controlId), default);
            var deliveries = chain.Where(r => r.Entry.Stage == "deliver:fhir").ToList();
            Assert.Single(deliveries);
            Assert.Single(chain, r => r.Entry.Outcome == "queued");
            created += deliveries[0].Entry.Outcome == "created" ? 1 : 0;
            targets.Add(deliveries[0].Entry.Target!.Split("/_history")[0]);
        }

        var client = host.Get<FhirRestClient>();
        foreach (var (_, mrn) in messages.Where((_, i) => i % 50 == 0))
        {
            Assert.Single((await client.SearchAsync("Patient", $"identifier=urn:oid:2.16.840.1.113883.3.999|{mrn}", default)).Entry);
        }

        output.WriteLine($"sent {sends.Count} requests for {Messages} messages; distinct ACKs per message: {acks.Values.Max(a => a.Distinct().Count())}; " +
            $"queue redeliveries {pump.Redeliveries}; patients created {created}; distinct patients {targets.Count}; failures retried {pump.Failures}");
        Assert.All(acks.Values, a => Assert.Single(a.Distinct()));
        Assert.Equal(Messages, created);
        Assert.Equal(Messages, targets.Count);
    }
}

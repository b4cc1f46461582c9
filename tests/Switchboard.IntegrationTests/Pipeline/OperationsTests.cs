using System.Diagnostics;
using Switchboard.Core.Envelopes;
using Switchboard.Core.Ports;
using Switchboard.Fhir.Rest;
using Switchboard.Functions.Operations;
using Switchboard.Testing.Hl7;
using Switchboard.Testing.Servers;
using static Switchboard.IntegrationTests.Pipeline.Hl7PipelineTests;

namespace Switchboard.IntegrationTests.Pipeline;

/// <summary>The operator API: trace, dead letters, replay and backfill with dry run.</summary>
[Collection(ServersCollection.Name)]
[Trait("Category", "Integration")]
public sealed class OperationsTests(AzuriteFixture azurite, FhirServerFixture fhir) : IAsyncLifetime
{
    private SwitchboardHost _host = null!;

    private PipelineOperations Operations => _host.Get<PipelineOperations>();

    public async Task InitializeAsync()
    {
        _host = await SwitchboardHost.StartAsync(azurite, fhir);
        await new QueuePump(_host).DrainAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Replay_DeadLetteredEnvelope_DeliversOnceAfterTheFault()
    {
        var controlId = Unique("DLQ");
        var mrn = Unique("MRN");
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        await PostAsync(_host, "test-adt", SyntheticAdt.A01(controlId, mrn));
        var envelopeId = EnvelopeIds.FromIdempotencyKey("test-adt", controlId);
        await fhir.InjectFaultAsync("503", count: 100, pathPrefix: "/fhir/Patient");
        try
        {
            await new QueuePump(_host).DrainAsync();
        }
        finally
        {
            await fhir.ClearFaultsAsync();
        }

        var listed = await Operations.DeadLettersAsync(since, DateTimeOffset.MaxValue, default);
        var dryRun = await Operations.ReplayAsync(Request([envelopeId], dryRun: true), default);
        var replay = await Operations.ReplayAsync(Request([envelopeId], dryRun: false), default);
        await new QueuePump(_host).DrainAsync();

        Assert.Contains(listed, d => d.EnvelopeId == envelopeId && d.IssueCode == PipelineIssues.RetriesExhausted && d.Stage == "deliver:fhir");
        Assert.Equal("would-requeued:" + PipelineQueues.Deliver, Assert.Single(dryRun.Items).Action);
        Assert.Equal("requeued:" + PipelineQueues.Deliver, Assert.Single(replay.Items).Action);
        Assert.Equal(EnvelopeState.Completed, (await _host.Get<IEnvelopeStore>().GetAsync(envelopeId, default))!.State);
        var found = await _host.Get<FhirRestClient>().SearchAsync("Patient", $"identifier=urn:oid:2.16.840.1.113883.3.999|{mrn}", default);
        Assert.Single(found.Entry);
        var trace = Assert.Single(await Operations.TraceAsync(envelopeId, default));
        Assert.True(trace.ChainValid);
        Assert.Contains(trace.Hops, h => h.Stage == "replay" && h.Actor == "operator:ops-test");
        Assert.Equal("deliver:fhir", trace.Hops[^1].Stage);
    }

    [Fact]
    public async Task Replay_CompletedEnvelope_RerunsWithoutASecondPatient()
    {
        var controlId = Unique("REP");
        var mrn = Unique("MRN");
        await PostAsync(_host, "test-adt", SyntheticAdt.A01(controlId, mrn));
        await new QueuePump(_host).DrainAsync();
        var envelopeId = EnvelopeIds.FromIdempotencyKey("test-adt", controlId);

        await Operations.ReplayAsync(Request([envelopeId], dryRun: false), default);
        await new QueuePump(_host).DrainAsync();

        var chain = await _host.Get<IEnvelopeStore>().ReadAuditAsync(envelopeId, default);
        Assert.Equal(2, chain.Count(r => r.Entry.Stage == "deliver:fhir"));
        var found = await _host.Get<FhirRestClient>().SearchAsync("Patient", $"identifier=urn:oid:2.16.840.1.113883.3.999|{mrn}", default);
        Assert.Single(found.Entry);
    }

    [Fact]
    public async Task Backfill_DryRunThenApply_ReportsChangedPathsThenRestoresUnderANewKey()
    {
        var controlId = Unique("BF");
        var mrn = Unique("MRN");
        await PostAsync(_host, "test-adt", SyntheticAdt.A01(controlId, mrn, family: "BACKFILLFAM"));
        await new QueuePump(_host).DrainAsync();
        var envelopeId = EnvelopeIds.FromIdempotencyKey("test-adt", controlId);
        var client = _host.Get<FhirRestClient>();
        var stored = await PatientAsync(client, mrn);
        stored.Name[0].Family = "EDITEDELSEWHERE";
        await client.UpdateAsync(stored, ifMatchVersion: null, default);

        var dryRun = Assert.Single((await Operations.ReplayAsync(Request([envelopeId], dryRun: true, mode: "backfill"), default)).Items);
        var unchangedByDryRun = await PatientAsync(client, mrn);
        var applied = Assert.Single((await Operations.ReplayAsync(Request([envelopeId], dryRun: false, mode: "backfill"), default)).Items);
        await new QueuePump(_host).DrainAsync();

        Assert.Equal("would-update", dryRun.Action);
        Assert.Equal(["Patient.name[0].family"], dryRun.Changes);
        Assert.Equal("EDITEDELSEWHERE", unchangedByDryRun.Name[0].Family);
        Assert.StartsWith("backfilled:", applied.Action, StringComparison.Ordinal);
        var newEnvelopeId = applied.Action["backfilled:".Length..];
        Assert.NotEqual(envelopeId, newEnvelopeId);
        Assert.Equal(EnvelopeState.Completed, (await _host.Get<IEnvelopeStore>().GetAsync(newEnvelopeId, default))!.State);
        var restored = await PatientAsync(client, mrn);
        Assert.Equal("BACKFILLFAM", restored.Name[0].Family);
    }

    [Fact]
    public async Task Trace_ByW3cTraceId_FindsTheEnvelopeAcceptedInThatTrace()
    {
        var controlId = Unique("TR");
        using var activity = new Activity("test-request").SetIdFormat(ActivityIdFormat.W3C).Start();
        await PostAsync(_host, "test-adt", SyntheticAdt.A01(controlId, Unique("MRN")));
        activity.Stop();

        var traces = await Operations.TraceAsync(activity.TraceId.ToHexString(), default);

        Assert.Equal(EnvelopeIds.FromIdempotencyKey("test-adt", controlId), Assert.Single(traces).EnvelopeId);
    }

    private static async Task<Hl7.Fhir.Model.Patient> PatientAsync(FhirRestClient client, string mrn)
    {
        var found = await client.SearchAsync("Patient", $"identifier=urn:oid:2.16.840.1.113883.3.999|{mrn}", default);
        return Assert.IsType<Hl7.Fhir.Model.Patient>(Assert.Single(found.Entry).Resource);
    }

    private static ReplayRequest Request(IReadOnlyList<string> ids, bool dryRun, string mode = "replay") =>
        new(ids, From: null, To: null, DeadLetters: false, mode, dryRun, Actor: "ops-test", Reason: "test");
}

using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.Audit;
using Switchboard.Core.Envelopes;
using Switchboard.Core.Ports;
using Switchboard.Fhir.Rest;
using Switchboard.Functions.Triggers;
using Switchboard.Testing.Hl7;
using Switchboard.Testing.Servers;

namespace Switchboard.IntegrationTests.Pipeline;

/// <summary>HL7 over HTTP → durable acceptance → translate → identity → route → deliver to the FHIR server, audited.</summary>
[Collection(ServersCollection.Name)]
[Trait("Category", "Integration")]
public sealed class Hl7PipelineTests(AzuriteFixture azurite, FhirServerFixture fhir) : IAsyncLifetime
{
    private const string Oid = "2.16.840.1.113883.3.999";
    private SwitchboardHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await SwitchboardHost.StartAsync(azurite, fhir);
        await new QueuePump(_host).DrainAsync(); // leftovers of earlier test classes
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task PostHl7_NewAdt_AcksThenEveryStageRunsAndThePatientIsWritten()
    {
        var controlId = Unique("MSG");
        var mrn = Unique("MRN");
        var message = SyntheticAdt.A01(controlId, mrn, family: "PIPEFAMILY", given: "PIPEGIVEN");

        var (status, ack) = await PostAsync(_host, "test-adt", message);
        await new QueuePump(_host).DrainAsync();

        Assert.Equal(200, status);
        Assert.Contains($"\rMSA|AA|{controlId}", ack, StringComparison.Ordinal);
        Assert.StartsWith("MSH|^~\\&|SWITCHBOARD|SB|ADT1|HOSP|", ack, StringComparison.Ordinal);
        var envelopeId = EnvelopeIds.FromIdempotencyKey("test-adt", controlId);
        var record = await _host.Get<IEnvelopeStore>().GetAsync(envelopeId, default);
        Assert.Equal(EnvelopeState.Completed, record!.State);
        Assert.Equal(message, Encoding.UTF8.GetString(await _host.Get<IPayloadStore>().GetAsync(record.Envelope.BlobName, default)));
        var chain = await _host.Get<IEnvelopeStore>().ReadAuditAsync(envelopeId, default);
        Assert.Equal(
            ["intake:accepted", "intake:queued", "translate:translated", "identity:NEW", "route:fhir:selected", "route:routed:1", "deliver:fhir:created"],
            chain.Select(r => $"{r.Entry.Stage}:{r.Entry.Outcome}"));
        Assert.True(AuditChain.Verify(chain));
        Assert.Equal(chain[2].Entry.OutputHash, chain[3].Entry.InputHash);
        var patient = await FindPatientAsync(mrn);
        Assert.Equal("PIPEFAMILY", patient.Name[0].Family);
        Assert.Equal(chain[3].Entry.Target, "enterprise:" + Assert.Single(patient.Identifier, i => i.System == "urn:switchboard:enterprise-id").Value);
        Assert.StartsWith($"Patient/{patient.Id}", chain[^1].Entry.Target, StringComparison.Ordinal);
        var encounters = await _host.Get<FhirRestClient>().SearchAsync("Encounter", $"subject=Patient/{patient.Id}", default);
        Assert.Single(encounters.Entry);
        var provenance = await _host.Get<FhirRestClient>().SearchAsync("Provenance", "_count=1000", default);
        Assert.Contains(provenance.Entry, e => e.Resource is Hl7.Fhir.Model.Provenance p && p.Target.Any(t => t.Reference == $"Patient/{patient.Id}"));
    }

    [Fact]
    public async Task PostHl7_SameMessageTwice_ReturnsTheSameAckAndHasOneEffect()
    {
        var controlId = Unique("DUP");
        var mrn = Unique("MRN");
        var message = SyntheticAdt.A01(controlId, mrn);

        var first = await PostAsync(_host, "test-adt", message);
        var second = await PostAsync(_host, "test-adt", message);
        await new QueuePump(_host).DrainAsync();

        Assert.Equal(first, second);
        var chain = await _host.Get<IEnvelopeStore>().ReadAuditAsync(EnvelopeIds.FromIdempotencyKey("test-adt", controlId), default);
        Assert.Single(chain, r => r.Entry.Outcome == "queued");
        Assert.Single(chain, r => r.Entry.Stage == "deliver:fhir");
        await FindPatientAsync(mrn);
    }

    [Fact]
    public async Task StageFunction_SameQueueMessageTwice_SkipsTheRedelivery()
    {
        var controlId = Unique("RED");
        await PostAsync(_host, "test-adt", SyntheticAdt.A01(controlId, Unique("MRN")));
        var envelope = (await _host.Get<IEnvelopeStore>().GetAsync(EnvelopeIds.FromIdempotencyKey("test-adt", controlId), default))!.Envelope;
        var queueMessage = EnvelopeJson.Serialize(new StageMessage(envelope));

        await _host.Create<TranslateStageFunction>().RunAsync(queueMessage, default);
        await _host.Create<TranslateStageFunction>().RunAsync(queueMessage, default);
        await new QueuePump(_host).DrainAsync();

        var chain = await _host.Get<IEnvelopeStore>().ReadAuditAsync(envelope.EnvelopeId, default);
        Assert.Single(chain, r => r.Entry.Stage == "translate");
        Assert.Single(chain, r => r.Entry.Stage == "deliver:fhir");
    }

    [Fact]
    public async Task PostHl7_SameControlIdDifferentContent_AnswersAeAndRecordsTheConflict()
    {
        var controlId = Unique("CLASH");
        await PostAsync(_host, "test-adt", SyntheticAdt.A01(controlId, Unique("MRN")));

        var (status, ack) = await PostAsync(_host, "test-adt", SyntheticAdt.A01(controlId, Unique("MRN")));

        Assert.Equal(200, status);
        Assert.Contains($"\rMSA|AE|{controlId}|", ack, StringComparison.Ordinal);
        var chain = await _host.Get<IEnvelopeStore>().ReadAuditAsync(EnvelopeIds.FromIdempotencyKey("test-adt", controlId), default);
        Assert.Contains(chain, r => r.Entry.Outcome.StartsWith("conflicting-duplicate:", StringComparison.Ordinal) && r.Entry.Rule == PipelineIssues.ConflictingDuplicate);
    }

    [Fact]
    public async Task PostHl7_UnknownSource_Returns404WithOperationOutcome()
    {
        var (status, body) = await PostAsync(_host, "no-such-source", SyntheticAdt.A01(Unique("X"), Unique("MRN")));

        Assert.Equal(404, status);
        Assert.Contains("\"resourceType\":\"OperationOutcome\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostHl7_NotHl7_RejectsWithArAndKeepsThePayload()
    {
        var garbage = "not an hl7 message " + Guid.NewGuid();

        var (status, ack) = await PostAsync(_host, "test-adt", garbage);

        Assert.Equal(400, status);
        Assert.Contains("\rMSA|AR||", ack, StringComparison.Ordinal);
        var blobName = $"rejected/test-adt/{Core.Hashing.PayloadHash.Of(Encoding.UTF8.GetBytes(garbage))}";
        Assert.Equal(garbage, Encoding.UTF8.GetString(await _host.Get<IPayloadStore>().GetAsync(blobName, default)));
    }

    [Fact]
    public async Task PostHl7_InvalidUtf8ForDeclaredCharset_RejectsWithArPositionAndKeepsTheBytes()
    {
        var text = SyntheticAdt.A01(Unique("ENC"), Unique("MRN")).Replace("|P|2.5.1\r", "|P|2.5.1||||||UNICODE UTF-8\r", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(text).ToList();
        bytes.InsertRange(text.IndexOf("TESTPERSON", StringComparison.Ordinal), new byte[] { 0xC3, 0x28 }); // an invalid UTF-8 sequence inside PID-5
        var body = bytes.ToArray();
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Body = new MemoryStream(body);

        var result = Assert.IsType<ContentResult>(await _host.Create<Hl7IntakeFunction>().RunAsync(context.Request, "test-adt", default));

        Assert.Equal(400, result.StatusCode);
        Assert.Contains("MSA|AR|", result.Content, StringComparison.Ordinal);
        Assert.Contains("\rERR|", result.Content, StringComparison.Ordinal);
        Assert.Contains("V2202", result.Content, StringComparison.Ordinal); // invalid bytes for the declared character set, with the offset
        var kept = await _host.Get<IPayloadStore>().GetAsync($"rejected/test-adt/{Core.Hashing.PayloadHash.Of(body)}", default);
        Assert.Equal(body, kept);
    }

    [Theory]
    [InlineData(0, 400, "PIPE009")]
    [InlineData(5000, 413, "PIPE006")]
    public async Task PostHl7_EmptyOrOversizedBody_AnswersWithOperationOutcome(int size, int expectedStatus, string issueCode)
    {
        await using var host = await SwitchboardHost.StartAsync(azurite, fhir, new Dictionary<string, string?> { ["Switchboard:Pipeline:MaxPayloadBytes"] = "4096" });

        var (status, body) = await PostAsync(host, "test-adt", new string('A', size));

        Assert.Equal(expectedStatus, status);
        Assert.Contains(issueCode, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_OlderUpdateArrivesAfterNewer_NeverOverwritesAndIsRecorded()
    {
        var mrn = Unique("MRN");
        var newer = SyntheticAdt.A01(Unique("NEW"), mrn, family: "NEWERNAME", eventTime: "20260301120000");
        var older = SyntheticAdt.A01(Unique("OLD"), mrn, family: "OLDERNAME", eventTime: "20260201120000");

        await PostAsync(_host, "test-adt", newer);
        await new QueuePump(_host).DrainAsync();
        await PostAsync(_host, "test-adt", older);
        await new QueuePump(_host).DrainAsync();

        Assert.Equal("NEWERNAME", (await FindPatientAsync(mrn)).Name[0].Family);
        var chain = await _host.Get<IEnvelopeStore>().ReadAuditAsync(EnvelopeIds.FromIdempotencyKey("test-adt", ControlId(older)), default);
        Assert.Equal("superseded", chain[^1].Entry.Outcome);
    }

    [Fact]
    public async Task Deliver_FhirServerKeepsFailing_DeadLettersAfterMaxDequeueCount()
    {
        var controlId = Unique("POISON");
        await PostAsync(_host, "test-adt", SyntheticAdt.A01(controlId, Unique("MRN")));
        await fhir.InjectFaultAsync("503", count: 100, pathPrefix: "/fhir/Patient");
        try
        {
            await new QueuePump(_host).DrainAsync();
        }
        finally
        {
            await fhir.ClearFaultsAsync();
        }

        var record = await _host.Get<IEnvelopeStore>().GetAsync(EnvelopeIds.FromIdempotencyKey("test-adt", controlId), default);
        Assert.Equal(EnvelopeState.DeadLettered, record!.State);
        Assert.Equal(PipelineIssues.RetriesExhausted, record.IssueCode);
        Assert.Equal("deliver:fhir", record.Stage);
    }

    [Theory]
    [InlineData("queue")]
    [InlineData("transition")]
    public async Task PostHl7_CrashBetweenSteps_ResendFinishesExactlyOnce(string failingStep)
    {
        var controlId = Unique("CRASH");
        var mrn = Unique("MRN");
        var message = SyntheticAdt.A01(controlId, mrn);
        var crashing = true;
        await using var host = await SwitchboardHost.StartAsync(azurite, fhir, configure: services => CrashOnce(services, failingStep, () => crashing));

        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => PostAsync(host, "test-adt", message));
        crashing = false;
        var (status, ack) = await PostAsync(host, "test-adt", message);
        await new QueuePump(host).DrainAsync();

        Assert.Equal(200, status);
        Assert.Contains($"\rMSA|AA|{controlId}", ack, StringComparison.Ordinal);
        await FindPatientAsync(mrn);
        var chain = await host.Get<IEnvelopeStore>().ReadAuditAsync(EnvelopeIds.FromIdempotencyKey("test-adt", controlId), default);
        Assert.Single(chain, r => r.Entry.Stage == "deliver:fhir");
    }

    [Fact]
    public async Task PostHl7_HappyPath_UsesAtMostFourStorageTransactions()
    {
        var counter = new RequestCounter();
        await using var host = await SwitchboardHost.StartAsync(azurite, fhir, configure: s => s.AddSingleton<HttpPipelinePolicy>(counter));
        await PostAsync(host, "test-adt", SyntheticAdt.A01(Unique("WARM"), Unique("MRN"))); // first use creates nothing, but warms clients
        counter.Reset();

        await PostAsync(host, "test-adt", SyntheticAdt.A01(Unique("COUNT"), Unique("MRN")));

        Assert.InRange(counter.Count, 1, 4);
    }

    internal static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..20];

    internal static async Task<(int Status, string Body)> PostAsync(SwitchboardHost host, string source, string message)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(message));
        var result = Assert.IsType<ContentResult>(await host.Create<Hl7IntakeFunction>().RunAsync(context.Request, source, default));
        return (result.StatusCode ?? 200, result.Content ?? string.Empty);
    }

    private static string ControlId(string message) => message.Split('\r')[0].Split('|')[9];

    private async Task<Hl7.Fhir.Model.Patient> FindPatientAsync(string mrn)
    {
        var found = await _host.Get<FhirRestClient>().SearchAsync("Patient", $"identifier=urn:oid:{Oid}|{mrn}", default);
        return Assert.IsType<Hl7.Fhir.Model.Patient>(Assert.Single(found.Entry).Resource);
    }

    private static void CrashOnce(IServiceCollection services, string step, Func<bool> crashing)
    {
        if (step == "queue")
        {
            services.Decorate<IWorkQueue>(inner => new CrashingWorkQueue(inner, crashing));
        }
        else
        {
            services.Decorate<IEnvelopeStore>(inner => new CrashingEnvelopeStore(inner, crashing));
        }
    }

    private sealed class RequestCounter : HttpPipelinePolicy
    {
        private int _count;

        public int Count => _count;

        public void Reset() => _count = 0;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Interlocked.Increment(ref _count);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Interlocked.Increment(ref _count);
            return ProcessNextAsync(message, pipeline);
        }
    }
}

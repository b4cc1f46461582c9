using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Switchboard.Azure.Storage;
using Switchboard.Core.Envelopes;
using Switchboard.Core.Ports;
using Switchboard.Fhir.Rest;
using Switchboard.Functions.Triggers;
using Switchboard.Testing.Hl7;
using Switchboard.Testing.Servers;

namespace Switchboard.IntegrationTests.Pipeline;

/// <summary>HL7 over HTTP → blob + idempotency row + queue → ACK; queue → Patient on the FHIR server → audit.</summary>
[Collection(ServersCollection.Name)]
[Trait("Category", "Integration")]
public sealed class WalkingSkeletonTests(AzuriteFixture azurite, FhirServerFixture fhir) : IAsyncLifetime
{
    private SwitchboardHost _host = null!;

    public async Task InitializeAsync() => _host = await SwitchboardHost.StartAsync(azurite, fhir);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task PostHl7_NewAdt_AcksAfterStoringThenCreatesPatientAndAudits()
    {
        var controlId = Unique("MSG");
        var mrn = Unique("MRN");
        var message = SyntheticAdt.A01(controlId, mrn, family: "SKELETONFAM", given: "SKELGIVEN");

        var (status, ack) = await PostAsync("test-adt", message);

        Assert.Equal(200, status);
        Assert.Contains($"\rMSA|AA|{controlId}", ack, StringComparison.Ordinal);
        Assert.StartsWith("MSH|^~\\&|SWITCHBOARD|SB|ADT1|HOSP|", ack, StringComparison.Ordinal);
        var envelope = await ReceiveEnvelopeAsync(controlId);
        Assert.Equal(EnvelopeIds.FromIdempotencyKey("test-adt", controlId), envelope.EnvelopeId);
        Assert.Equal(message, Encoding.UTF8.GetString(await _host.Get<IRawPayloadStore>().GetAsync(envelope.BlobName, default)));
        Assert.DoesNotContain("SKELETONFAM", JsonSerializer.Serialize(envelope), StringComparison.Ordinal);

        await _host.Create<PatientSyncFunction>().RunAsync(envelope, default);

        var found = await _host.Get<FhirRestClient>().SearchAsync("Patient", $"identifier=urn:oid:2.16.840.1.113883.3.999|{mrn}", default);
        var patient = Assert.IsType<Hl7.Fhir.Model.Patient>(Assert.Single(found.Entry).Resource);
        Assert.Equal("SKELETONFAM", patient.Name[0].Family);
        Assert.Equal("1980-01-01", patient.BirthDate);
        var audit = await _host.Get<IAuditLog>().ReadAsync(envelope.EnvelopeId, default);
        Assert.Equal(["intake:accepted", "deliver:created"], audit.Select(a => $"{a.Stage}:{a.Outcome}"));
        Assert.All(audit, a => Assert.Equal(envelope.PayloadHash, a.InputHash));
        Assert.StartsWith("Patient/", audit[1].Target, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostHl7_SameMessageTwice_ReturnsSameAckAndQueuesOnce()
    {
        var controlId = Unique("DUP");
        var message = SyntheticAdt.A01(controlId, Unique("MRN"));

        var first = await PostAsync("test-adt", message);
        var second = await PostAsync("test-adt", message);

        Assert.Equal(first, second);
        await ReceiveEnvelopeAsync(controlId);
        Assert.Null(await TryReceiveEnvelopeAsync(controlId));
    }

    [Fact]
    public async Task PostHl7_RedeliveredQueueMessage_UpdatesTheSamePatient()
    {
        var controlId = Unique("RED");
        var mrn = Unique("MRN");
        await PostAsync("test-adt", SyntheticAdt.A01(controlId, mrn));
        var envelope = await ReceiveEnvelopeAsync(controlId);
        var function = _host.Create<PatientSyncFunction>();

        await function.RunAsync(envelope, default);
        await function.RunAsync(envelope, default);

        var found = await _host.Get<FhirRestClient>().SearchAsync("Patient", $"identifier=urn:oid:2.16.840.1.113883.3.999|{mrn}", default);
        Assert.Single(found.Entry);
    }

    [Fact]
    public async Task PostHl7_SameControlIdDifferentContent_AnswersAe()
    {
        var controlId = Unique("CLASH");
        await PostAsync("test-adt", SyntheticAdt.A01(controlId, Unique("MRN")));

        var (status, ack) = await PostAsync("test-adt", SyntheticAdt.A01(controlId, Unique("MRN")));

        Assert.Equal(200, status);
        Assert.Contains($"\rMSA|AE|{controlId}|", ack, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostHl7_UnknownSource_Returns404()
    {
        var (status, _) = await PostAsync("no-such-source", SyntheticAdt.A01(Unique("X"), Unique("MRN")));

        Assert.Equal(404, status);
    }

    [Fact]
    public async Task PostHl7_NotHl7_RejectsWithArAndKeepsThePayload()
    {
        var garbage = "not an hl7 message " + Guid.NewGuid();

        var (status, ack) = await PostAsync("test-adt", garbage);

        Assert.Equal(400, status);
        Assert.Contains("\rMSA|AR||", ack, StringComparison.Ordinal);
        var blobName = $"test-adt/{Core.Hashing.PayloadHash.Of(Encoding.UTF8.GetBytes(garbage))}";
        Assert.Equal(garbage, Encoding.UTF8.GetString(await _host.Get<IRawPayloadStore>().GetAsync(blobName, default)));
    }

    private static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..20];

    private async Task<(int Status, string Body)> PostAsync(string source, string message)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(message));
        var result = Assert.IsType<ContentResult>(await _host.Create<Hl7IntakeFunction>().RunAsync(context.Request, source, default));
        return (result.StatusCode ?? 200, result.Content ?? string.Empty);
    }

    private async Task<MessageEnvelope> ReceiveEnvelopeAsync(string controlId) =>
        await TryReceiveEnvelopeAsync(controlId) ?? throw new Xunit.Sdk.XunitException($"No queued envelope for {controlId}.");

    // Tests share the queue, so read until this test's envelope shows up; others' messages are left alone (made visible again).
    private async Task<MessageEnvelope?> TryReceiveEnvelopeAsync(string controlId)
    {
        var queue = _host.Get<StorageClients>().Queues.GetQueueClient(PipelineQueues.Translate);
        var messages = await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(1));
        MessageEnvelope? mine = null;
        foreach (var message in messages.Value)
        {
            var envelope = JsonSerializer.Deserialize<MessageEnvelope>(message.MessageText, EnvelopeJson.Options)!;
            if (envelope.MessageControlId == controlId)
            {
                mine = envelope;
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }

        return mine;
    }
}

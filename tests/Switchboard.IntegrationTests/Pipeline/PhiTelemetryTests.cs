using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Switchboard.Core.Envelopes;
using Switchboard.Core.Ports;
using Switchboard.Functions.Operations;
using Switchboard.Functions.Triggers;
using Switchboard.Testing.Hl7;
using Switchboard.Testing.Servers;
using Switchboard.Testing.Telemetry;
using static Switchboard.IntegrationTests.Pipeline.Hl7PipelineTests;

namespace Switchboard.IntegrationTests.Pipeline;

/// <summary>
/// Sends unique synthetic PHI through every path — success, validation failure, dead-letter, replay, JSON events,
/// unreadable input — and proves none of it reaches logs, traces, metrics, queue messages, stored dead-letter and
/// audit metadata, or exception messages.
/// </summary>
[Collection(ServersCollection.Name)]
[Trait("Category", "Integration")]
public sealed class PhiTelemetryTests(AzuriteFixture azurite, FhirServerFixture fhir)
{
    [Fact]
    public async Task EveryPath_SyntheticPhi_NeverReachesTelemetryOrMetadata()
    {
        var marker = Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var family = $"PHIFAM{marker}";
        var given = $"PHIGIVEN{marker}";
        var mrn = $"PHIMRN{marker}";
        var birthDate = "19310517";
        string[] markers = [family, given, mrn, "1931-05-17", birthDate];
        using var capture = new TelemetryCapture();
        await using var host = await SwitchboardHost.StartAsync(azurite, fhir, capture: capture);
        var pump = new QueuePump(host, observe: capture.Add);
        await pump.DrainAsync();

        // Success.
        var ok = Unique("PHIOK");
        await PostAsync(host, "test-adt", SyntheticAdt.A01(ok, mrn, family, given, birthDate));
        await pump.DrainAsync();
        // Validation failure (a required MSH field missing) and unreadable input, both carrying PHI.
        await PostAsync(host, "test-adt", SyntheticAdt.A01(Unique("PHIBAD"), mrn, family, given, birthDate).Replace("|P|2.5.1", "||", StringComparison.Ordinal));
        await PostAsync(host, "test-adt", $"PID|1||{mrn}||{family}^{given}||{birthDate}");
        // Dead letter, then replay.
        var poisoned = Unique("PHIDLQ");
        await PostAsync(host, "test-adt", SyntheticAdt.A01(poisoned, mrn + "2", family, given, birthDate));
        await fhir.InjectFaultAsync("503", count: 100, pathPrefix: "/fhir/Patient");
        try
        {
            await pump.DrainAsync();
        }
        finally
        {
            await fhir.ClearFaultsAsync();
        }

        var operations = host.Get<PipelineOperations>();
        var poisonedId = EnvelopeIds.FromIdempotencyKey("test-adt", poisoned);
        await operations.ReplayAsync(new ReplayRequest([poisonedId], null, null, false, "replay", false, "phi-test", null), default);
        await pump.DrainAsync();
        var dryRun = await operations.ReplayAsync(new ReplayRequest([poisonedId], null, null, false, "backfill", true, "phi-test", null), default);
        // A JSON event and a malformed one.
        var eventBody = $$$"""{"id":"{{{Guid.NewGuid()}}}","type":"patient.updated","patient":{"value":"{{{mrn}}}"},"name":"{{{family}}}"}""";
        await PostEventAsync(host, eventBody);
        await PostEventAsync(host, $"{{\"id\": \"{family}\", broken");

        // Everything the operator sees is in scope too.
        foreach (var id in new[] { EnvelopeIds.FromIdempotencyKey("test-adt", ok), poisonedId })
        {
            capture.Add(JsonSerializer.Serialize(await operations.TraceAsync(id, default)));
        }

        capture.Add(JsonSerializer.Serialize(await operations.DeadLettersAsync(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.MaxValue, default)));
        capture.Add(JsonSerializer.Serialize(dryRun));

        Assert.Equal(EnvelopeState.Completed, (await host.Get<IEnvelopeStore>().GetAsync(poisonedId, default))!.State);
        Assert.Contains(capture.Records, r => r.StartsWith("log ", StringComparison.Ordinal));
        Assert.Contains(capture.Records, r => r.StartsWith("activity Switchboard.Pipeline.Deliver", StringComparison.Ordinal));
        Assert.Contains(capture.Records, r => r.StartsWith("metric Switchboard.Pipeline/switchboard.messages.deadlettered", StringComparison.Ordinal));
        Assert.Contains(capture.Records, r => r.StartsWith("exception ", StringComparison.Ordinal));
        Assert.Empty(capture.Containing(markers));
        // MSH-10 may embed an MRN at some senders: logs carry its HMAC token, never the value.
        var token = host.Get<Functions.Telemetry.LogTokens>().For(ok);
        Assert.Contains(capture.Records, r => r.StartsWith("log ", StringComparison.Ordinal) && r.Contains(token, StringComparison.Ordinal));
        Assert.DoesNotContain(capture.Records, r => r.StartsWith("log ", StringComparison.Ordinal) && r.Contains(ok, StringComparison.Ordinal));
    }

    private static async Task PostEventAsync(SwitchboardHost host, string body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var nonce = Guid.NewGuid().ToString("N");
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        context.Request.Headers[Core.Security.WebhookSignature.TimestampHeader] = $"{timestamp}";
        context.Request.Headers[Core.Security.WebhookSignature.NonceHeader] = nonce;
        context.Request.Headers[Core.Security.WebhookSignature.SignatureHeader] =
            Core.Security.WebhookSignature.Sign(SwitchboardHost.EventsSecret, timestamp, nonce, Encoding.UTF8.GetBytes(body));
        await host.Create<EventIntakeFunction>().RunAsync(context.Request, "test-events", default);
    }
}

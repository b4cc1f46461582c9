using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Switchboard.Core.Envelopes;
using Switchboard.Core.Ports;
using Switchboard.Core.Security;
using Switchboard.Functions.Triggers;
using Switchboard.Testing.Servers;

namespace Switchboard.IntegrationTests.Pipeline;

/// <summary>Signed JSON events and FHIR subscription notifications: signatures, replay, idempotency, gaps.</summary>
[Collection(ServersCollection.Name)]
[Trait("Category", "Integration")]
public sealed class WebhookIntakeTests(AzuriteFixture azurite, FhirServerFixture fhir) : IAsyncLifetime
{
    private SwitchboardHost _host = null!;

    public async Task InitializeAsync() => _host = await SwitchboardHost.StartAsync(azurite, fhir);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task PostEvent_SignedNew_Returns202AndRecordsTheEnvelope()
    {
        var id = Guid.NewGuid().ToString();
        var body = Event(id);

        var (status, response) = await PostEventAsync(body, Sign(body));

        Assert.Equal(202, status);
        var envelopeId = EnvelopeIds.FromIdempotencyKey("test-events", id);
        Assert.Contains(envelopeId, response, StringComparison.Ordinal);
        var record = await _host.Get<IEnvelopeStore>().GetAsync(envelopeId, default);
        Assert.Equal(PayloadKind.Event, record!.Envelope.Kind);
        Assert.NotNull(record.Envelope.PatientKey);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero), record.Envelope.EventTime);
    }

    [Fact]
    public async Task PostEvent_SameEventResentWithFreshSignature_SameAnswerOneEnvelope()
    {
        var body = Event(Guid.NewGuid().ToString());

        var first = await PostEventAsync(body, Sign(body));
        var second = await PostEventAsync(body, Sign(body));

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task PostEvent_SameIdOtherContent_Returns409()
    {
        var id = Guid.NewGuid().ToString();
        await PostEventAsync(Event(id), Sign(Event(id)));
        var other = Event(id, type: "patient.deleted");

        var (status, response) = await PostEventAsync(other, Sign(other));

        Assert.Equal(409, status);
        Assert.Contains(PipelineIssues.ConflictingDuplicate, response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostEvent_CapturedRequestSentAgain_RejectedAsReplay()
    {
        var body = Event(Guid.NewGuid().ToString());
        var headers = Sign(body);

        await PostEventAsync(body, headers);
        var (status, response) = await PostEventAsync(body, headers);

        Assert.Equal(401, status);
        Assert.Contains(SecurityIssues.NonceReplayed, response, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stale", SecurityIssues.TimestampOutsideWindow)]
    [InlineData("wrong-secret", SecurityIssues.SignatureInvalid)]
    [InlineData("tampered", SecurityIssues.SignatureInvalid)]
    [InlineData("unsigned", SecurityIssues.SignatureMissing)]
    public async Task PostEvent_BadSignature_Returns401AndStoresNothing(string variant, string issueCode)
    {
        var id = Guid.NewGuid().ToString();
        var body = Event(id);
        var headers = variant switch
        {
            "stale" => Sign(body, at: DateTimeOffset.UtcNow.AddMinutes(-6)),
            "wrong-secret" => Sign(body, secret: "not-the-secret-at-all-0123456789"),
            "tampered" => Sign(Event(id, type: "other")),
            _ => [],
        };

        var (status, response) = await PostEventAsync(body, headers);

        Assert.Equal(401, status);
        Assert.Contains(issueCode, response, StringComparison.Ordinal);
        Assert.Null(await _host.Get<IEnvelopeStore>().GetAsync(EnvelopeIds.FromIdempotencyKey("test-events", id), default));
    }

    [Fact]
    public async Task PostEvent_NotJson_Returns400WithPositionAndKeepsThePayload()
    {
        var body = "{\"id\": \"x\", broken";

        var (status, response) = await PostEventAsync(body, Sign(body));

        Assert.Equal(400, status);
        Assert.Contains("line 1", response, StringComparison.Ordinal);
        var blob = $"rejected/test-events/{Core.Hashing.PayloadHash.Of(Encoding.UTF8.GetBytes(body))}";
        Assert.Equal(body, Encoding.UTF8.GetString(await _host.Get<IPayloadStore>().GetAsync(blob, default)));
    }

    [Fact]
    public async Task PostHl7_ToAnEventsSource_Returns404()
    {
        var (status, _) = await Hl7PipelineTests.PostAsync(_host, "test-events", Testing.Hl7.SyntheticAdt.A01("X1", "M1"));

        Assert.Equal(404, status);
    }

    [Fact]
    public async Task PostNotification_EventThenRedelivery_OneEnvelope()
    {
        var subscription = $"Subscription/{Guid.NewGuid():N}";
        var body = Notification(subscription, "event-notification", sinceStart: 1, events: [1]);

        var first = await PostNotificationAsync(body);
        var second = await PostNotificationAsync(body);

        Assert.Equal(200, first.Status);
        Assert.Equal(first, second);
        var envelopeId = EnvelopeIds.FromIdempotencyKey("test-fhir", $"{subscription}#1-1");
        Assert.Equal(PayloadKind.FhirNotification, (await _host.Get<IEnvelopeStore>().GetAsync(envelopeId, default))!.Envelope.Kind);
    }

    [Fact]
    public async Task PostNotification_EventNumbersJump_RecordsTheGap()
    {
        var subscription = $"Subscription/{Guid.NewGuid():N}";
        await PostNotificationAsync(Notification(subscription, "handshake", sinceStart: 0, events: []));
        await PostNotificationAsync(Notification(subscription, "event-notification", sinceStart: 1, events: [1]));

        await PostNotificationAsync(Notification(subscription, "event-notification", sinceStart: 4, events: [4]));

        var state = await SubscriptionStateAsync(subscription);
        Assert.Equal((2L, 3L, 4L), (state.GapFrom, state.GapTo, state.LastEventNumber));
    }

    [Fact]
    public async Task PostNotification_Gap_RequestsReconciliationWhichClosesIt()
    {
        await using var host = await SwitchboardHost.StartAsync(azurite, fhir, new Dictionary<string, string?>
        {
            ["Switchboard:Reconciliation:Sources:test-fhir:BaseUrl"] = fhir.BaseUrl.ToString(),
            ["Switchboard:Reconciliation:Sources:test-fhir:ResourceTypes:0"] = "Patient",
        });
        var queue = host.Get<Azure.Storage.StorageClients>().Queues.GetQueueClient(PipelineQueues.Reconcile);
        await queue.ClearMessagesAsync();
        var subscription = $"Subscription/{Guid.NewGuid():N}";
        await PostNotificationAsync(host, Notification(subscription, "event-notification", sinceStart: 1, events: [1]));

        await PostNotificationAsync(host, Notification(subscription, "event-notification", sinceStart: 5, events: [5]));
        var request = Assert.Single((await queue.ReceiveMessagesAsync(10)).Value);
        await host.Create<Functions.Triggers.ReconcileRequestFunction>().RunAsync(request.MessageText, default);

        Assert.Equal("test-fhir", request.MessageText);
        var state = await SubscriptionStateAsync(subscription);
        Assert.Equal((null, null, 5L), (state.GapFrom, state.GapTo, state.LastEventNumber));
    }

    [Fact]
    public async Task PostNotification_HeartbeatAheadOfReceivedEvents_RecordsTheLostTail()
    {
        var subscription = $"Subscription/{Guid.NewGuid():N}";
        await PostNotificationAsync(Notification(subscription, "event-notification", sinceStart: 1, events: [1]));

        await PostNotificationAsync(Notification(subscription, "heartbeat", sinceStart: 3, events: []));

        var state = await SubscriptionStateAsync(subscription);
        Assert.Equal((2L, 3L), (state.GapFrom, state.GapTo));
    }

    [Fact]
    public async Task PostNotification_FullResource_KeyedByVersionSoReconciliationFindsADuplicate()
    {
        var subscription = $"Subscription/{Guid.NewGuid():N}";
        var patientId = Guid.NewGuid().ToString("N");
        var resourceEntry = $$$""",{"fullUrl":"Patient/{{{patientId}}}","resource":{"resourceType":"Patient","id":"{{{patientId}}}","meta":{"versionId":"3"},"active":true}}""";
        var body = Notification(subscription, "event-notification", sinceStart: 1, events: [1]);
        body = body.Insert(body.LastIndexOf(']'), resourceEntry);

        var (status, response) = await PostNotificationAsync(body);
        var version = new Hl7.Fhir.Model.Patient { Id = patientId, Meta = new Hl7.Fhir.Model.Meta { VersionId = "3" }, Active = true };
        var reconciled = await _host.Get<Functions.Propagation.FhirResourceIntake>().AcceptAsync("test-fhir", version, default);

        Assert.Equal(200, status);
        var envelopeId = EnvelopeIds.FromIdempotencyKey("test-fhir", $"Patient/{patientId}/_history/3");
        Assert.Contains(envelopeId, response, StringComparison.Ordinal);
        Assert.Equal(envelopeId, reconciled.EnvelopeId);
        Assert.Equal(Functions.Pipeline.AcceptStatus.Duplicate, reconciled.Status);
    }

    [Fact]
    public async Task PostNotification_NotABackportBundle_Returns400()
    {
        var (status, response) = await PostNotificationAsync("{\"resourceType\":\"Bundle\",\"type\":\"collection\"}");

        Assert.Equal(400, status);
        Assert.Contains("OperationOutcome", response, StringComparison.Ordinal);
    }

    private static string Event(string id, string type = "patient.updated") =>
        $$$"""{"id":"{{{id}}}","type":"{{{type}}}","occurredAt":"2026-03-01T12:00:00Z","patient":{"system":"urn:oid:1.2.3","value":"EVT-MRN-1"}}""";

    private static Dictionary<string, string> Sign(string body, DateTimeOffset? at = null, string secret = SwitchboardHost.EventsSecret)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        var nonce = Guid.NewGuid().ToString("N");
        return new()
        {
            [WebhookSignature.TimestampHeader] = timestamp.ToString(CultureInfo.InvariantCulture),
            [WebhookSignature.NonceHeader] = nonce,
            [WebhookSignature.SignatureHeader] = WebhookSignature.Sign(secret, timestamp, nonce, Encoding.UTF8.GetBytes(body)),
        };
    }

    private static string Notification(string subscription, string type, long sinceStart, long[] events)
    {
        var notificationEvents = string.Concat(events.Select(n =>
            $$$""",{"name":"notification-event","part":[{"name":"event-number","valueString":"{{{n}}}"},{"name":"focus","valueReference":{"reference":"Patient/p{{{n}}}"}}]}"""));
        return $$$"""
            {"resourceType":"Bundle","type":"history","entry":[{"fullUrl":"urn:uuid:{{{Guid.NewGuid()}}}","resource":{"resourceType":"Parameters","parameter":[
              {"name":"subscription","valueReference":{"reference":"{{{subscription}}}"}},
              {"name":"topic","valueCanonical":"http://example.org/topic/patient"},
              {"name":"status","valueCode":"active"},
              {"name":"type","valueCode":"{{{type}}}"},
              {"name":"events-since-subscription-start","valueString":"{{{sinceStart}}}"}{{{notificationEvents}}}]},
              "request":{"method":"GET","url":"{{{subscription}}}/$status"},"response":{"status":"200"}}]}
            """;
    }

    private async Task<Core.Subscriptions.SubscriptionState> SubscriptionStateAsync(string subscription)
    {
        var key = Core.Hashing.PayloadHash.Of(Encoding.UTF8.GetBytes(subscription))[..32];
        return (await _host.Get<ISubscriptionStateStore>().GetAsync("test-fhir", key, default))!;
    }

    private async Task<(int Status, string Body)> PostEventAsync(string body, Dictionary<string, string> headers)
    {
        var request = Request(body, headers);
        return Read(await _host.Create<EventIntakeFunction>().RunAsync(request, "test-events", default));
    }

    private Task<(int Status, string Body)> PostNotificationAsync(string body) => PostNotificationAsync(_host, body);

    private static async Task<(int Status, string Body)> PostNotificationAsync(SwitchboardHost host, string body)
    {
        var request = Request(body, []);
        return Read(await host.Create<FhirNotificationFunction>().RunAsync(request, "test-fhir", default));
    }

    private static HttpRequest Request(string body, Dictionary<string, string> headers)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        foreach (var (name, value) in headers)
        {
            context.Request.Headers[name] = value;
        }

        return context.Request;
    }

    private static (int Status, string Body) Read(IActionResult result)
    {
        var content = Assert.IsType<ContentResult>(result);
        return (content.StatusCode ?? 200, content.Content ?? string.Empty);
    }
}

using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Switchboard.Core.Envelopes;
using Switchboard.Core.Ports;
using Switchboard.Core.Propagation;
using Switchboard.Core.Security;
using Switchboard.Fhir.Rest;
using Switchboard.Functions.Propagation;
using Switchboard.Testing.Servers;

namespace Switchboard.IntegrationTests.Propagation;

/// <summary>Appointment changes → routing rules → reminder webhook (signed, retried, dead-lettered, redelivered) and the feed.</summary>
[Collection(ServersCollection.Name)]
[Trait("Category", "Integration")]
public sealed class WebhookPropagationTests(AzuriteFixture azurite, FhirServerFixture fhir)
{
    [Fact]
    public async Task Deliver_SubscriberDownThenFlakyThenBack_EveryEventOnceInOrderAndInTheFeed()
    {
        await using var receiver = new WebhookReceiver();
        var subscriber = PropagationHarness.Subscriber();
        await using var host = await SwitchboardHost.StartAsync(azurite, fhir, PropagationHarness.Reminders(subscriber, receiver.Url));
        var client = host.Get<FhirRestClient>();
        var intake = host.Get<FhirResourceIntake>();
        var p1 = await PropagationHarness.CreatePatientAsync(client, "+1-555-0100");
        var p2 = await PropagationHarness.CreatePatientAsync(client, "+1-555-0200");

        // Down: both events exhaust their attempts and go to the subscriber's dead letters.
        receiver.Behaviour = WebhookReceiver.Mode.Down;
        var a = await PropagationHarness.CreateAppointmentAsync(client, p1.Id);
        var b = await PropagationHarness.CreateAppointmentAsync(client, p2.Id);
        await intake.AcceptAsync(PropagationHarness.Source, a, default);
        await intake.AcceptAsync(PropagationHarness.Source, b, default);
        await new QueuePump(host).DrainAsync(TimeSpan.FromSeconds(60));
        var log = host.Get<IOutboundEventLog>();
        Assert.Equal(2, (await log.ReadByStateAsync(subscriber, OutboundEventState.DeadLettered, 10, default)).Count);

        // Flaky: the next three requests get 503 with Retry-After, then the subscriber is fine.
        receiver.RetryAfterSeconds = 0;
        receiver.UnavailableFor(3);
        var c = await PropagationHarness.CreateAppointmentAsync(client, p1.Id);
        var d = await PropagationHarness.CreateAppointmentAsync(client, p1.Id);
        var e = await PropagationHarness.CreateAppointmentAsync(client, p2.Id);
        foreach (var appointment in new[] { c, d, e })
        {
            await intake.AcceptAsync(PropagationHarness.Source, appointment, default);
        }

        await new QueuePump(host).DrainAsync(TimeSpan.FromSeconds(60));

        // Back: the patient's phone changed meanwhile; redelivery reads the current one.
        p1.Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Mobile, "+1-555-0199")];
        await client.UpdateAsync(p1, null, default);
        var redelivering = await host.Get<PropagationOperations>().RedeliverAsync(subscriber, default);
        await new QueuePump(host).DrainAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, redelivering);
        var delivered = receiver.Requests.Where(r => r.Status == 200).Select(PropagationHarness.Json).ToList();
        var ids = new[] { a, b, c, d, e }.Select(x => x.Id).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), delivered.Select(x => x["resources"]![0]!["id"]!.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal([3L, 4L, 5L, 1L, 2L], delivered.Select(PropagationHarness.Sequence));
        Assert.All(receiver.Requests, r => Assert.Null(WebhookSignature.Verify(
            [PropagationHarness.Secret], r.Headers[WebhookSignature.TimestampHeader], r.Headers[WebhookSignature.NonceHeader],
            r.Headers[WebhookSignature.SignatureHeader], r.Body, DateTimeOffset.UtcNow)));
        Assert.Contains(receiver.Requests, r => r.Status == 503);
        Assert.All(delivered, x => Assert.Null(x["resources"]![0]!["description"]));
        Assert.Equal("+1-555-0199", delivered.Single(x => x["resources"]![0]!["id"]!.ToString() == a.Id)["patient"]!["telecom"]![0]!["value"]!.ToString());
        Assert.Empty(await log.ReadByStateAsync(subscriber, OutboundEventState.Pending, 10, default));
        Assert.Empty(await log.ReadByStateAsync(subscriber, OutboundEventState.DeadLettered, 10, default));

        var feed = host.Get<FeedService>();
        var first = (await feed.ReadAsync(subscriber, 0, 2, default))!;
        var rest = (await feed.ReadAsync(subscriber, long.Parse(first["next"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture), 10, default))!;
        var feedIds = first["events"]!.AsArray().Concat(rest["events"]!.AsArray()).Select(x => x!["resources"]![0]!["id"]!.ToString());
        Assert.Equal(ids, feedIds);
        Assert.Equal("2", first["next"]!.ToString());
        Assert.Equal("5", rest["next"]!.ToString());
    }

    [Fact]
    public async Task Route_RuleChangedInConfiguration_ChangesRoutingAndTheRouteLogSaysWhy()
    {
        await using var receiver = new WebhookReceiver();
        var subscriber = PropagationHarness.Subscriber();
        Appointment cancelled;
        await using (var strict = await SwitchboardHost.StartAsync(azurite, fhir, PropagationHarness.Reminders(subscriber, receiver.Url)))
        {
            var patient = await PropagationHarness.CreatePatientAsync(strict.Get<FhirRestClient>(), "+1-555-0300");
            cancelled = await PropagationHarness.CreateAppointmentAsync(strict.Get<FhirRestClient>(), patient.Id, Appointment.AppointmentStatus.Cancelled);
            await strict.Get<FhirResourceIntake>().AcceptAsync(PropagationHarness.Source, cancelled, default);
            await new QueuePump(strict).DrainAsync(TimeSpan.FromSeconds(60));

            var chain = await strict.Get<IEnvelopeStore>().ReadAuditAsync(Id(cancelled), default);
            var decision = Assert.Single(chain, r => r.Entry.Stage == $"route:{subscriber}");
            Assert.Equal(("rejected", "reminders-v1", "condition-false"), (decision.Entry.Outcome, decision.Entry.Rule, decision.Entry.Target));
            Assert.Contains(chain, r => r.Entry is { Stage: "route", Outcome: "routed:0" });
        }

        // Same subscriber, the condition dropped from configuration: the next cancelled appointment is selected.
        var relaxed = PropagationHarness.Reminders(subscriber, receiver.Url, condition: null);
        relaxed[$"Switchboard:Routing:Destinations:{subscriber}:RuleId"] = "reminders-v2";
        await using var host = await SwitchboardHost.StartAsync(azurite, fhir, relaxed);
        var second = await PropagationHarness.CreateAppointmentAsync(host.Get<FhirRestClient>(), cancelled.Participant[0].Actor!.Reference!.Split('/')[1], Appointment.AppointmentStatus.Cancelled);
        await host.Get<FhirResourceIntake>().AcceptAsync(PropagationHarness.Source, second, default);
        await new QueuePump(host).DrainAsync(TimeSpan.FromSeconds(60));

        var relaxedChain = await host.Get<IEnvelopeStore>().ReadAuditAsync(Id(second), default);
        var selected = Assert.Single(relaxedChain, r => r.Entry.Stage == $"route:{subscriber}");
        Assert.Equal(("selected", "reminders-v2", "matched"), (selected.Entry.Outcome, selected.Entry.Rule, selected.Entry.Target));
        Assert.Contains(relaxedChain, r => r.Entry.Stage == $"deliver:{subscriber}" && r.Entry.Outcome == "logged");
        var only = Assert.Single(receiver.Requests, r => r.Status == 200);
        Assert.Equal(second.Id, PropagationHarness.Json(only)["resources"]![0]!["id"]!.ToString());
    }

    private static string Id(Resource resource) => EnvelopeIds.FromIdempotencyKey(PropagationHarness.Source, FhirResourceIntake.IdempotencyKey(resource));
}

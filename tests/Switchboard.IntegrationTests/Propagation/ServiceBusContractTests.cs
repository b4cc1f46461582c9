using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Azure.Propagation;
using Switchboard.Core.Envelopes;
using Switchboard.Core.Ports;
using Switchboard.Core.Propagation;
using Switchboard.Fhir.Rest;
using Switchboard.Functions.Propagation;
using Switchboard.Testing.Servers;

namespace Switchboard.IntegrationTests.Propagation;

/// <summary>
/// The Service Bus destination against the SDK's own types (no Service Bus runs here): what the publisher hands a
/// <see cref="ServiceBusSender"/>, read back through <see cref="ServiceBusModelFactory"/> as a subscriber would see it.
/// </summary>
[Collection(ServersCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ServiceBusContractTests(AzuriteFixture azurite, FhirServerFixture fhir)
{
    private const string TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    [Fact]
    public async Task PublishAsync_TopicMessage_SetsDuplicateDetectionSessionAndCorrelationWithoutPhi()
    {
        var sender = new CapturingSender();
        var publisher = new ServiceBusTopicPublisher(_ => sender);
        var envelope = new MessageEnvelope("0123456789abcdef0123456789abcdef", "ehr", PayloadKind.FhirResource, "Appointment/1/_history/2", "Appointment",
            new string('a', 64), "ehr/blob", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "fedcba9876543210fedcba9876543210", TraceParent);

        await publisher.PublishAsync(PropagationDelivery.Topic("appointments", envelope, "{\"resources\":[]}"u8.ToArray()), default);

        var sent = Assert.Single(sender.Sent);
        var received = ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: sent.Body, messageId: sent.MessageId, sessionId: sent.SessionId, correlationId: sent.CorrelationId, subject: sent.Subject,
            contentType: sent.ContentType, properties: sent.ApplicationProperties);
        Assert.Equal(envelope.EnvelopeId, received.MessageId);
        Assert.Equal(envelope.PatientKey, received.SessionId);
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", received.CorrelationId);
        Assert.Equal("Appointment", received.Subject);
        Assert.Equal("application/json", received.ContentType);
        Assert.Equal(["kind", "payloadHash", "source"], received.ApplicationProperties.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("{\"resources\":[]}", received.Body.ToString());
    }

    [Fact]
    public async Task Deliver_ServiceBusDestination_PublishesOnceWithAllowedFieldsOnly()
    {
        var sender = new CapturingSender();
        var settings = new Dictionary<string, string?>
        {
            ["Switchboard:Routing:Destinations:appointments-topic:Type"] = "servicebus",
            ["Switchboard:Routing:Destinations:appointments-topic:Topic"] = "appointments",
            ["Switchboard:Routing:Destinations:appointments-topic:MessageTypes:0"] = "Appointment",
            ["Switchboard:Routing:Destinations:appointments-topic:Allow:0"] = "Appointment.start",
        };
        await using var host = await SwitchboardHost.StartAsync(azurite, fhir, settings,
            services => services.AddSingleton<ITopicPublisher>(new ServiceBusTopicPublisher(_ => sender)));
        var client = host.Get<FhirRestClient>();
        var patient = await PropagationHarness.CreatePatientAsync(client, "+1-555-0400");
        var appointment = await PropagationHarness.CreateAppointmentAsync(client, patient.Id);

        await host.Get<FhirResourceIntake>().AcceptAsync(PropagationHarness.Source, appointment, default);
        await host.Get<FhirResourceIntake>().AcceptAsync(PropagationHarness.Source, appointment, default);
        await new QueuePump(host).DrainAsync(TimeSpan.FromSeconds(60));

        var sent = Assert.Single(sender.Sent);
        Assert.Equal(EnvelopeIds.FromIdempotencyKey(PropagationHarness.Source, FhirResourceIntake.IdempotencyKey(appointment)), sent.MessageId);
        Assert.NotNull(sent.SessionId);
        Assert.DoesNotContain("SYNTHETIC-DESCRIPTION", sent.Body.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"start\"", sent.Body.ToString(), StringComparison.Ordinal);
        // The patient's phone (+1-555-0400) must not ride in the properties (a hex hash may contain "555" by chance).
        Assert.DoesNotContain(sent.ApplicationProperties.Values, v => v?.ToString()?.Contains("555-0400", StringComparison.Ordinal) == true);
    }

    /// <summary>Captures what would go to Service Bus (the sender's protected constructor exists for this).</summary>
    private sealed class CapturingSender : ServiceBusSender
    {
        public ConcurrentQueue<ServiceBusMessage> Sent { get; } = new();

        public override Task SendMessageAsync(ServiceBusMessage message, CancellationToken cancellationToken = default)
        {
            Sent.Enqueue(message);
            return Task.CompletedTask;
        }
    }
}

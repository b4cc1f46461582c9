using Hl7.Fhir.Model;
using Switchboard.Core.Ports;
using Switchboard.Fhir.Rest;
using Switchboard.Functions.Propagation;
using Switchboard.Testing.Servers;
using Task = System.Threading.Tasks.Task;

namespace Switchboard.IntegrationTests.Propagation;

/// <summary>Changes made on the FHIR server while notifications were dropped are found, once, by reconciliation.</summary>
[Collection(ServersCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ReconciliationTests(AzuriteFixture azurite, FhirServerFixture fhir)
{
    [Fact]
    public async Task RunAsync_NotificationsDropped_FeedsMissedVersionsOnceAndAdvancesTheWatermark()
    {
        var source = "recon" + Guid.NewGuid().ToString("N")[..8];
        var subscriber = PropagationHarness.Subscriber();
        var settings = new Dictionary<string, string?>
        {
            [$"Switchboard:Routing:Destinations:{subscriber}:Type"] = "feed",
            [$"Switchboard:Routing:Destinations:{subscriber}:Sources:0"] = source,
            [$"Switchboard:Routing:Destinations:{subscriber}:MessageTypes:0"] = "Appointment",
            [$"Switchboard:Routing:Destinations:{subscriber}:Allow:0"] = "Appointment.status",
            [$"Switchboard:Reconciliation:Sources:{source}:BaseUrl"] = fhir.BaseUrl.ToString(),
            [$"Switchboard:Reconciliation:Sources:{source}:ResourceTypes:0"] = "Appointment",
            [$"Switchboard:Reconciliation:Sources:{source}:PageSize"] = "2",
        };
        await using var host = await SwitchboardHost.StartAsync(azurite, fhir, settings);
        var client = host.Get<FhirRestClient>();
        var intake = host.Get<FhirResourceIntake>();
        var patient = await PropagationHarness.CreatePatientAsync(client, "+1-555-0500");
        // Start the watermark at the server's clock, after earlier tests' appointments.
        Assert.True(await host.Get<IWatermarkStore>().TrySaveAsync(
            new Core.Propagation.Watermark(source, "Appointment", patient.Meta!.LastUpdated!.Value, DateTimeOffset.UtcNow, null), default));

        // The first change's notification arrives; the rest are made while notifications are dropped.
        var notified = await PropagationHarness.CreateAppointmentAsync(client, patient.Id);
        await intake.AcceptAsync(source, notified, default);
        var missedA = await PropagationHarness.CreateAppointmentAsync(client, patient.Id);
        var missedB = await PropagationHarness.CreateAppointmentAsync(client, patient.Id);
        notified.Status = Appointment.AppointmentStatus.Cancelled;
        await client.UpdateAsync(notified, null, default);

        var firstRun = await host.Get<ReconciliationService>().RunAsync(default);
        var secondRun = await host.Get<ReconciliationService>().RunAsync(default);
        await new QueuePump(host).DrainAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(3, firstRun);
        Assert.Equal(0, secondRun);
        var page = (await host.Get<FeedService>().ReadAsync(subscriber, 0, 50, default))!;
        var versions = page["events"]!.AsArray().Select(e => $"{e!["resources"]![0]!["id"]}/{e["resources"]![0]!["meta"]!["versionId"]}").ToList();
        Assert.Equal(4, versions.Count);
        Assert.Equal(versions.Distinct().Count(), versions.Count);
        Assert.Contains($"{notified.Id}/{notified.Meta!.VersionId}", versions);
        Assert.Contains($"{missedA.Id}/1", versions);
        Assert.Contains($"{missedB.Id}/1", versions);
        Assert.Contains(versions, v => v.StartsWith(notified.Id + "/", StringComparison.Ordinal) && v != $"{notified.Id}/{notified.Meta!.VersionId}");
        var watermark = await host.Get<IWatermarkStore>().GetAsync(source, "Appointment", default);
        var latest = (await client.ReadAsync<Appointment>(notified.Id!, default))!.Resource.Meta!.LastUpdated;
        Assert.Equal(latest, watermark!.LastUpdated);
    }
}

using System.Text.Json;
using Switchboard.Functions.Triggers;
using Switchboard.Testing.Servers;

namespace Switchboard.IntegrationTests;

/// <summary>local.settings.sample.json must start the app: every option it names binds and validates.</summary>
[Collection(ServersCollection.Name)]
[Trait("Category", "Integration")]
public sealed class LocalSettingsSampleTests(AzuriteFixture azurite, FhirServerFixture fhir)
{
    [Fact]
    public async Task Sample_WithLocalServers_StartsTheAppAndAcceptsAMessage()
    {
        using var sample = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "local.settings.sample.json")));
        var settings = sample.RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(p => p.Name.Replace("__", ":", StringComparison.Ordinal), p => (string?)p.Value.GetString());
        // Point the sample's local defaults at this run's servers (they listen on free ports, not the defaults).
        settings["Storage"] = azurite.ConnectionString;
        settings["Switchboard:Fhir:BaseUrl"] = fhir.BaseUrl.ToString();
        settings["Switchboard:WriteBack:Targets:local-fhir:BaseUrl"] = fhir.BaseUrl.ToString();

        await using var host = await SwitchboardHost.StartAsync(azurite, fhir, settings);
        var (status, ack) = await Pipeline.Hl7PipelineTests.PostAsync(host, "local-adt", Testing.Hl7.SyntheticAdt.A01(Guid.NewGuid().ToString("N")[..16], "SAMPLE1"));

        Assert.Equal(200, status);
        Assert.Contains("MSA|AA|", ack, StringComparison.Ordinal);
        Assert.NotNull(host.Create<OpsReplayFunction>());
    }
}

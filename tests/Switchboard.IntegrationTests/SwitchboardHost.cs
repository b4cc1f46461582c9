using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Switchboard.Functions;
using Switchboard.Testing.Servers;
using Switchboard.Testing.Telemetry;
using Microsoft.Extensions.Logging;

namespace Switchboard.IntegrationTests;

/// <summary>
/// The Functions app's services (the same <see cref="SwitchboardApp.AddSwitchboard"/> Program.cs calls), started
/// against the test servers. Function classes are created from it the way the worker creates them.
/// </summary>
public sealed class SwitchboardHost : IAsyncDisposable
{
    public const string EventsSecret = "test-events-signing-secret-0123456789";

    private readonly IHost _host;

    private SwitchboardHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public static async Task<SwitchboardHost> StartAsync(
        AzuriteFixture azurite,
        FhirServerFixture fhir,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null,
        TelemetryCapture? capture = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage"] = azurite.ConnectionString,
            ["Switchboard:Fhir:BaseUrl"] = fhir.BaseUrl.ToString(),
            ["Switchboard:Sources:test-adt:Kind"] = "hl7v2",
            ["Switchboard:Sources:test-adt:TimeZone"] = "America/Chicago",
            ["Switchboard:Sources:test-events:Kind"] = "events",
            ["Switchboard:Sources:test-events:SigningSecrets:0"] = EventsSecret,
            ["Switchboard:Sources:test-fhir:Kind"] = "fhir",
            ["Switchboard:Pipeline:PatientKeySecret"] = "integration-tests-patient-key-secret-0123456789",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddSwitchboard();
        if (capture is not null)
        {
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
            builder.Logging.AddProvider(capture);
        }

        configure?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new SwitchboardHost(host);
    }

    public T Create<T>() => ActivatorUtilities.CreateInstance<T>(_host.Services);

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

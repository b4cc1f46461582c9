using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Switchboard.Azure;
using Switchboard.Core.Envelopes;
using Switchboard.Core.Sources;
using Switchboard.Fhir;
using Switchboard.Functions.Pipeline;
using Switchboard.Functions.Pipeline.Stages;
using Switchboard.Functions.Propagation;
using Switchboard.Functions.WriteBack;

namespace Switchboard.Functions;

/// <summary>The app's service registrations: Program.cs and the integration tests call this same method.</summary>
public static class SwitchboardApp
{
    public static IServiceCollection AddSwitchboard(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<SourcesOptions>().BindConfiguration(SourcesOptions.SectionName);
        services.AddOptions<PipelineOptions>()
            .BindConfiguration(PipelineOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSwitchboardAzure();
        services.AddSwitchboardFhir();
        Identity.IdentityServiceCollectionExtensions.AddSwitchboardIdentity(services);

        services.AddRedaction(redaction => redaction.SetHmacRedactor(options => options.KeyId = 1, new DataClassificationSet(Telemetry.SwitchboardData.PatientLinked)));
        services.AddOptions<HmacRedactorOptions>().Configure<IOptions<PipelineOptions>>((options, pipeline) =>
            // Derived from the patient-key secret, so rotating that secret rotates the log tokens too.
            options.Key = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes("log-redaction|" + pipeline.Value.PatientKeySecret))));
        services.AddSingleton(p => new PatientKeys(Encoding.UTF8.GetBytes(p.GetRequiredService<IOptions<PipelineOptions>>().Value.PatientKeySecret)));
        services.AddSingleton<Telemetry.LogTokens>();
        services.AddSingleton<WebhookAuthenticator>();
        services.AddSingleton<IntakeGate>();
        services.AddSingleton<EnvelopeAcceptance>();
        services.AddSingleton<SequenceGapTracker>();
        services.AddSingleton<Hl7Intake>();
        services.AddSingleton<EventIntake>();
        services.AddSingleton<FhirNotificationIntake>();
        services.AddSingleton<PayloadTranslator>();
        services.AddSingleton<StageRunner>();
        services.AddSingleton<TranslateStage>();
        services.AddSingleton<IdentityStage>();
        services.AddSingleton<RouteStage>();
        services.AddSingleton<DeliverStage>();
        services.AddSingleton<Operations.PipelineOperations>();
        services.AddSingleton<Operations.RetentionService>();
        services.AddSwitchboardWriteBack();
        services.AddSwitchboardPropagation();
        return services;
    }
}

using System.Diagnostics;
using System.Text;
using Switchboard.Core.Envelopes;
using Switchboard.Core.Hashing;
using Switchboard.Core.Ports;
using Switchboard.Fhir;
using Switchboard.Fhir.Mapping;
using Switchboard.Functions.Telemetry;
using Switchboard.Hl7v2;

namespace Switchboard.Functions.Pipeline.Stages;

/// <summary>
/// Raw payload → FHIR Bundle, stored content-addressed under <c>translated/{source}</c>. FHIR notifications and
/// JSON events are already in their output form and pass through unchanged.
/// </summary>
public sealed class TranslateStage(IPayloadStore payloads) : IPipelineStage
{
    public string Name => "translate";

    public ActivitySource ActivitySource => PipelineActivities.Translate;

    public async Task<StageResult> ProcessAsync(StageMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var envelope = message.Envelope;
        var raw = await payloads.GetAsync(envelope.BlobName, cancellationToken);
        var (output, rule) = envelope.Kind == PayloadKind.Hl7v2 ? (TranslateHl7(raw, envelope.Source), Hl7v2BundleTranslator.MappingId) : (raw, "passthrough");
        var blob = await payloads.PutAsync($"translated/{envelope.Source}", output, cancellationToken);
        return new StageResult("translated", PayloadHash.Of(output), rule, blob, [(PipelineQueues.Identity, message with { ArtifactBlob = blob })]);
    }

    private static byte[] TranslateHl7(byte[] raw, string source)
    {
        Hl7Message parsed;
        try
        {
            parsed = Hl7Message.Parse(Encoding.UTF8.GetString(raw));
        }
        catch (Hl7ParseException ex)
        {
            throw new PipelineException(PipelineIssues.TranslationFailed, $"The stored message cannot be parsed ({ex.Code}).");
        }

        return Encoding.UTF8.GetBytes(FhirJsonText.Serialize(Hl7v2BundleTranslator.Translate(parsed, source)));
    }
}

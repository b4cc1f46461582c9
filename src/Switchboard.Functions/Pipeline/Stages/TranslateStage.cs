using System.Diagnostics;
using Switchboard.Core.Envelopes;
using Switchboard.Core.Hashing;
using Switchboard.Core.Ports;
using Switchboard.Functions.Telemetry;

namespace Switchboard.Functions.Pipeline.Stages;

/// <summary>Raw payload → routable output (see <see cref="PayloadTranslator"/>), stored content-addressed under <c>translated/{source}</c>.</summary>
public sealed class TranslateStage(IPayloadStore payloads, PayloadTranslator translator) : IPipelineStage
{
    public string Name => "translate";

    public ActivitySource ActivitySource => PipelineActivities.Translate;

    public async Task<StageResult> ProcessAsync(StageMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var envelope = message.Envelope;
        var (output, rule) = translator.Translate(envelope, await payloads.GetAsync(envelope.BlobName, cancellationToken));
        var blob = await payloads.PutAsync($"translated/{envelope.Source}", output, cancellationToken);
        return new StageResult("translated", PayloadHash.Of(output), rule, blob, [(PipelineQueues.Identity, message with { ArtifactBlob = blob })]);
    }
}

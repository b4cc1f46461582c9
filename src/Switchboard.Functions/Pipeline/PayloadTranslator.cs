using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Options;
using Switchboard.Core.Envelopes;
using Switchboard.Core.Sources;
using Switchboard.Fhir;
using Switchboard.Fhir.Mapping;
using Switchboard.Fhir.Validation;
using Switchboard.Hl7v2;

namespace Switchboard.Functions.Pipeline;

/// <summary>
/// Raw payload → what the pipeline routes: a validated FHIR transaction Bundle for HL7 v2 (IG mappings, see
/// docs/mapping-differences.md); FHIR notifications and JSON events are already in their output form. A message the
/// source's unmapped-data policy fails, or whose bundle does not validate, is a permanent error (dead-lettered with
/// the mapping issue code). Shared by the translate stage and backfill dry runs.
/// </summary>
public sealed class PayloadTranslator(IOptions<SourcesOptions> sources)
{
    public const string MappingFailed = "MAP050";
    public const string InvalidBundle = "MAP040";

    // One context per source: building it loads the vocabulary maps, which must not happen per message.
    private readonly ConcurrentDictionary<string, TranslationContext> _contexts = new(StringComparer.OrdinalIgnoreCase);

    public (byte[] Output, string Rule) Translate(MessageEnvelope envelope, byte[] raw)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (envelope.Kind != PayloadKind.Hl7v2)
        {
            return (raw, "passthrough");
        }

        var result = Hl7Parser.Parse(raw);
        if (result.Value is not { } parsed)
        {
            throw new PipelineException(PipelineIssues.TranslationFailed, $"The stored message cannot be parsed ({result.FirstError?.Code}).");
        }

        var translation = Hl7v2ToFhirTranslator.Translate(parsed, Context(envelope.Source), raw);
        if (translation.Report.Failed)
        {
            throw new PipelineException(MappingFailed, "The source's unmapped-data policy failed the message (see the conversion report codes).");
        }

        if (BundleValidator.Validate(translation.Bundle) is { Count: > 0 } problems)
        {
            throw new PipelineException(InvalidBundle, $"The translated bundle is invalid ({problems.Count} problems).");
        }

        return (Encoding.UTF8.GetBytes(FhirJsonText.Serialize(translation.Bundle)), Hl7v2ToFhirTranslator.MappingVersion);
    }

    private TranslationContext Context(string source) => _contexts.GetOrAdd(source, name =>
        TranslationContext.Create(name, new SourceMappingOptions { TimeZone = sources.Value.Find(name)?.TimeZone }));
}

using System.Text;
using Switchboard.Core.Envelopes;
using Switchboard.Fhir;
using Switchboard.Fhir.Mapping;
using Switchboard.Hl7v2;

namespace Switchboard.Functions.Pipeline;

/// <summary>
/// Raw payload → what the pipeline routes: a FHIR Bundle for HL7 v2; FHIR notifications and JSON events are
/// already in their output form. Pure, so the translate stage and backfill dry runs share it.
/// </summary>
public static class PayloadTranslator
{
    public static (byte[] Output, string Rule) Translate(MessageEnvelope envelope, byte[] raw)
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

        // TODO(lead): build one TranslationContext per source from its options and honour translation.Report.Failed
        // (dead-letter with MAP050/MAP040) and translation.Merge (identity service); store the report with the envelope.
        var translation = Hl7v2ToFhirTranslator.Translate(parsed, TranslationContext.Default(envelope.Source), raw);
        return (Encoding.UTF8.GetBytes(FhirJsonText.Serialize(translation.Bundle)), Hl7v2ToFhirTranslator.MappingVersion);
    }
}

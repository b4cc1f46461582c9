using Hl7.Fhir.Model;

namespace Switchboard.Fhir.Mapping;

/// <summary>The outcome of translating one v2 message.</summary>
/// <param name="Bundle">The transaction Bundle (Patient first, then MessageHeader, content, Provenance last).</param>
/// <param name="Report">The lossless-conversion report; when <see cref="ConversionReport.Failed"/>, do not deliver.</param>
/// <param name="Merge">The merge event of an A34/A40 message, for the identity service; otherwise null.</param>
public sealed record TranslationResult(Bundle Bundle, ConversionReport Report, PatientMerge? Merge);

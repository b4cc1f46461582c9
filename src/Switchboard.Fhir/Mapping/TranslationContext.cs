using Hl7.Fhir.Model;
using Switchboard.Fhir.Vocabulary;

namespace Switchboard.Fhir.Mapping;

/// <summary>
/// Everything a translation depends on besides the message: the source name (scopes ids and local systems), its time
/// zone, identifier and coding systems, vocabulary maps and unmapped-data policy. Build once per source and reuse;
/// immutable and thread-safe. Same message + same context → identical Bundle bytes.
/// </summary>
public sealed class TranslationContext
{
    private TranslationContext(string source, SourceMappingOptions options, TimeZoneInfo timeZone, ConceptMapSet vocabulary)
    {
        Source = source;
        Options = options;
        TimeZone = timeZone;
        Vocabulary = vocabulary;
        IgnoredSegments = new HashSet<string>(options.IgnoredSegments, StringComparer.Ordinal);
        IgnoredFields = new HashSet<string>(options.IgnoredFields, StringComparer.Ordinal);
    }

    /// <summary>The source system name (intake route name), e.g. <c>epic-adt</c>.</summary>
    public string Source { get; }

    /// <summary>The options this context was built from.</summary>
    public SourceMappingOptions Options { get; }

    /// <summary>The zone applied to v2 date/times without an offset.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>The vocabulary maps with the source's overrides.</summary>
    public ConceptMapSet Vocabulary { get; }

    /// <summary>The unmapped-data policy.</summary>
    public UnmappedPolicy Unmapped => Options.Unmapped;

    internal HashSet<string> IgnoredSegments { get; }

    internal HashSet<string> IgnoredFields { get; }

    /// <summary>Built-in defaults: UTC, IG vocabulary maps, no configured identifier systems, policy warn.</summary>
    public static TranslationContext Default(string source) => Create(source, new SourceMappingOptions());

    /// <summary>A context for <paramref name="source"/>; throws <see cref="ArgumentException"/> for an unknown time zone.</summary>
    public static TranslationContext Create(string source, SourceMappingOptions options, IEnumerable<ConceptMap>? conceptMaps = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentNullException.ThrowIfNull(options);
        TimeZoneInfo zone;
        try
        {
            zone = string.IsNullOrEmpty(options.TimeZone) ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        }
        catch (TimeZoneNotFoundException e)
        {
            throw new ArgumentException($"Unknown time zone '{options.TimeZone}' for source '{source}'.", nameof(options), e);
        }

        var vocabulary = conceptMaps is null && options.Vocabulary.Count == 0
            ? ConceptMapSet.BuiltIn
            : ConceptMapSet.BuiltIn.With(conceptMaps ?? [], options.Vocabulary);
        return new TranslationContext(source, options, zone, vocabulary);
    }
}

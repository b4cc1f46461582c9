using System.Globalization;
using Hl7.Fhir.Model;
using Switchboard.Hl7v2;

namespace Switchboard.Fhir.Mapping;

/// <summary>
/// The state of translating one message: what was read (for the lossless report), the issues, and the Bundle entries
/// with their deterministic ids. The mappers are static functions over it; one session per message, never shared.
/// </summary>
internal sealed partial class MappingSession
{
    private readonly List<Bundle.EntryComponent> _entries = [];
    private readonly Dictionary<string, Bundle.EntryComponent> _byFullUrl = new(StringComparer.Ordinal);
    private readonly List<MappingIssue> _issues = [];

    public MappingSession(Hl7Message message, TranslationContext context)
    {
        Message = message;
        Context = context;
        Tracker = new ConsumptionTracker(message.SegmentCount);
        Source = context.Source;
    }

    public Hl7Message Message { get; }

    public TranslationContext Context { get; }

    public ConsumptionTracker Tracker { get; }

    public string Source { get; }

    /// <summary>The key that scopes ids of patient-owned resources: the patient's identifier (or a message-scoped key).</summary>
    public string PatientKey { get; set; } = string.Empty;

    /// <summary>The Patient entry's fullUrl, once mapped.</summary>
    public string? PatientUrl { get; set; }

    /// <summary>The Encounter entry's fullUrl, once mapped.</summary>
    public string? EncounterUrl { get; set; }

    public Patient? Patient { get; set; }

    public IReadOnlyList<MappingIssue> Issues => _issues;

    public IReadOnlyList<Bundle.EntryComponent> Entries => _entries;

    public void Issue(string code, MappingSeverity severity, At position, string message) =>
        _issues.Add(new MappingIssue(code, severity, position.ToString(), message));

    /// <summary>Marks a segment as handled (so it is not reported as unmapped) and returns it.</summary>
    public Hl7Segment Touch(Hl7Segment segment)
    {
        Tracker.Touch(segment.Ordinal);
        return segment;
    }

    /// <summary>Field <paramref name="field"/> marked consumed as a whole: for ST, ID, IS, NM, DTM-only fields.</summary>
    public Hl7Value Take(Hl7Segment segment, int field)
    {
        Tracker.Mark(segment.Ordinal, field, 0);
        return segment.Field(field);
    }

    /// <summary>The unescaped text of a simple field, marked consumed.</summary>
    public string Text(Hl7Segment segment, int field) => Take(segment, field).Value;

    /// <summary>Field <paramref name="field"/> not yet marked: the datatype mapper marks the components it reads.</summary>
    public static Hl7Value Field(Hl7Segment segment, int field) => segment.Field(field);

    /// <summary>Component <paramref name="n"/> of a field or repetition, marked consumed.</summary>
    public Hl7Value Comp(Hl7Value value, int n)
    {
        Tracker.Mark(value.SegmentOrdinal, value.FieldNumber, n);
        return value.Component(n);
    }

    /// <summary>The unescaped text of component <paramref name="n"/>, marked consumed.</summary>
    public string CompText(Hl7Value value, int n) => Comp(value, n).Value;

    /// <summary>Marks components of a field consumed without reading them (values a mapping deliberately ignores).</summary>
    public void MarkComponents(Hl7Value value, params ReadOnlySpan<int> components)
    {
        var segment = value.SegmentOrdinal;
        var field = value.FieldNumber;
        foreach (var c in components)
        {
            Tracker.Mark(segment, field, c);
        }
    }

    /// <summary>A position formatted only when an issue is raised (most lookups succeed and never need the text).</summary>
    public static At At(Hl7Value value, int component = 0) => new(value, component, null);

    public static string Position(Hl7Value value, int component = 0)
    {
        var l = value.Location;
        return component > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{l.SegmentId}-{l.Field}.{component}")
            : string.Create(CultureInfo.InvariantCulture, $"{l.SegmentId}-{l.Field}");
    }

    public static string Position(Hl7Segment segment, int field) => string.Create(CultureInfo.InvariantCulture, $"{segment.Id}-{field}");

    /// <summary>
    /// Adds a resource (once per fullUrl). With a business identifier, the request is a conditional update
    /// <c>PUT Type?identifier=system|value</c> and the resource carries no id; otherwise <c>PUT Type/{id}</c> with the
    /// deterministic id. Returns a reference to the entry's fullUrl.
    /// </summary>
    public ResourceReference Add(Resource resource, string key, Identifier? conditional = null, bool first = false)
    {
        var type = resource.TypeName;
        var id = DeterministicIds.For(Source, type, conditional is { System: { } s, Value: { } v } ? s + "|" + v : key).ToString();
        var fullUrl = "urn:uuid:" + id;
        if (_byFullUrl.ContainsKey(fullUrl))
        {
            return new ResourceReference(fullUrl);
        }

        var entry = new Bundle.EntryComponent { FullUrl = fullUrl, Resource = resource };
        if (conditional is { System: { Length: > 0 } system, Value: { Length: > 0 } value })
        {
            resource.Id = null;
            entry.Request = new Bundle.RequestComponent
            {
                Method = Bundle.HTTPVerb.PUT,
                Url = type + "?identifier=" + Uri.EscapeDataString(system + "|" + value),
            };
        }
        else
        {
            resource.Id = id;
            entry.Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.PUT, Url = type + "/" + id };
        }

        _byFullUrl[fullUrl] = entry;
        if (first)
        {
            _entries.Insert(0, entry);
        }
        else
        {
            _entries.Add(entry);
        }

        return new ResourceReference(fullUrl);
    }

    /// <summary>The resource of an entry added to this session (by the reference <see cref="Add"/> returned).</summary>
    public T Resource<T>(ResourceReference reference) where T : Resource =>
        (T)_byFullUrl[reference.Reference ?? throw new ArgumentException("Not a session reference.", nameof(reference))].Resource!;

    /// <summary>A key scoped by the patient and this message, for resources without a business identifier.</summary>
    public string ScopedKey(params ReadOnlySpan<string> parts) => PatientKey + "\u001f" + string.Join('\u001f', parts.ToArray());

    public ResourceReference? PatientReference => PatientUrl is null ? null : new ResourceReference(PatientUrl);

    public ResourceReference? EncounterReference => EncounterUrl is null ? null : new ResourceReference(EncounterUrl);
}

/// <summary>An issue position: a literal text, or a value + component formatted lazily by <see cref="ToString"/>.</summary>
internal readonly record struct At(Hl7Value Value, int Component, string? Text)
{
    public static implicit operator At(string text) => new(default, 0, text);

    public override string ToString() => Text ?? MappingSession.Position(Value, Component);
}


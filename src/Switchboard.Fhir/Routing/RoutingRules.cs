using Hl7.Fhir.FhirPath;
using Hl7.Fhir.Model;
using Hl7.FhirPath;

namespace Switchboard.Fhir.Routing;

/// <summary>
/// The compiled routing rules: pure evaluation, one decision per configured destination, so the route log can say
/// why every destination was or was not chosen. Rules are checked in a fixed order (enabled, source, kind, message
/// type, condition); the first that fails names the reason.
/// </summary>
public sealed class RoutingRules
{
    /// <summary>The destination used when none is configured: translated HL7 v2 to the FHIR server.</summary>
    public const string DefaultFhirDestination = "fhir";

    public const string DefaultRuleId = "route:default:hl7v2-to-fhir";

    private static readonly FhirPathCompiler Compiler = new();

    private readonly IReadOnlyList<Compiled> _rules;

    private RoutingRules(IReadOnlyList<Compiled> rules) => _rules = rules;

    public IReadOnlyList<string> Destinations => _rules.Select(r => r.Name).ToList();

    public DestinationOptions Destination(string name) =>
        Find(name) ?? throw new KeyNotFoundException($"No destination '{name}' is configured.");

    /// <summary>The destination's options, or null when no destination has that name.</summary>
    public DestinationOptions? Find(string name) =>
        _rules.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase))?.Options;

    /// <summary>The rule id written to the route log for the destination.</summary>
    public string RuleId(string name) =>
        _rules.First(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)).RuleId;

    /// <summary>The configured destinations, or the default when none is configured.</summary>
    public static RoutingRules Compile(RoutingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Validate(options);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        var destinations = options.Destinations.Count > 0 ? options.Destinations : DefaultDestinations();
        return new RoutingRules(destinations
            .OrderBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => new Compiled(d.Key, d.Value, d.Value.RuleId ?? $"route:{d.Key}",
                string.IsNullOrWhiteSpace(d.Value.Condition) ? null : Compiler.Compile(d.Value.Condition)))
            .ToList());
    }

    /// <summary>Every problem in the configuration (empty when valid); used at start so a bad rule stops the host.</summary>
    public static IReadOnlyList<string> Validate(RoutingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        foreach (var (name, d) in options.Destinations)
        {
            if (!DestinationTypes.All.Contains(d.Type, StringComparer.Ordinal))
            {
                errors.Add($"Destination '{name}': unknown type '{d.Type}' (expected {string.Join(", ", DestinationTypes.All)}).");
            }

            if (!string.IsNullOrWhiteSpace(d.Condition))
            {
                try
                {
                    Compiler.Compile(d.Condition);
                }
                catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
                {
                    errors.Add($"Destination '{name}': the condition is not valid FHIRPath ({ex.GetType().Name}).");
                }
            }

            if (d.Type == DestinationTypes.Webhook && (d.Url is null || string.IsNullOrEmpty(d.Secret) || d.Secret.Length < 32))
            {
                errors.Add($"Destination '{name}': a webhook needs Url and a Secret of at least 32 characters.");
            }

            if (d.Type == DestinationTypes.ServiceBus && string.IsNullOrWhiteSpace(d.Topic))
            {
                errors.Add($"Destination '{name}': a servicebus destination needs Topic.");
            }

            foreach (var path in d.Allow.Where(p => !FieldAllowlist.IsValidPath(p)))
            {
                errors.Add($"Destination '{name}': allow entry '{path}' is not '*', 'ResourceType' or 'ResourceType.element'.");
            }
        }

        return errors;
    }

    public IReadOnlyList<RouteDecision> Evaluate(RouteInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return _rules.Select(rule => Decide(rule, input)).ToList();
    }

    private static RouteDecision Decide(Compiled rule, RouteInput input)
    {
        var d = rule.Options;
        RouteDecision Rejected(string reason) => new(rule.Name, d.Type, false, rule.RuleId, reason);
        if (!d.Enabled)
        {
            return Rejected(RouteReasons.Disabled);
        }

        if (d.Sources.Count > 0 && !d.Sources.Contains(input.Source, StringComparer.OrdinalIgnoreCase))
        {
            return Rejected(RouteReasons.SourceNotListed);
        }

        if (d.Kinds.Count > 0 && !d.Kinds.Contains(input.Kind, StringComparer.OrdinalIgnoreCase))
        {
            return Rejected(RouteReasons.KindNotListed);
        }

        if (d.MessageTypes.Count > 0 && !d.MessageTypes.Any(p => Matches(p, input.MessageType)))
        {
            return Rejected(RouteReasons.MessageTypeNotListed);
        }

        if (rule.Condition is not null)
        {
            if (input.Document is null)
            {
                return Rejected(RouteReasons.NotFhir);
            }

            try
            {
                if (!rule.Condition.Predicate(input.Document, new FhirEvaluationContext()))
                {
                    return Rejected(RouteReasons.ConditionFalse);
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException or InvalidCastException)
            {
                return Rejected(RouteReasons.ConditionError);
            }
        }

        return new RouteDecision(rule.Name, d.Type, true, rule.RuleId, RouteReasons.Matched);
    }

    private static bool Matches(string pattern, string value) =>
        pattern.EndsWith('*')
            ? value.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase)
            : string.Equals(pattern, value, StringComparison.OrdinalIgnoreCase);

    private static Dictionary<string, DestinationOptions> DefaultDestinations()
    {
        var fhir = new DestinationOptions { Type = DestinationTypes.Fhir, RuleId = DefaultRuleId };
        fhir.Kinds.Add("Hl7v2");
        fhir.Allow.Add("*");
        return new Dictionary<string, DestinationOptions>(StringComparer.OrdinalIgnoreCase) { [DefaultFhirDestination] = fhir };
    }

    private sealed record Compiled(string Name, DestinationOptions Options, string RuleId, CompiledExpression? Condition);
}

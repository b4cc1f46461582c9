using Microsoft.Extensions.Options;

namespace Switchboard.Fhir.Routing;

/// <summary>Stops the host at start when a routing rule is invalid (unknown type, FHIRPath that does not compile…).</summary>
public sealed class RoutingOptionsValidator : IValidateOptions<RoutingOptions>
{
    public ValidateOptionsResult Validate(string? name, RoutingOptions options)
    {
        var errors = RoutingRules.Validate(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

namespace Switchboard.Fhir.Routing;

/// <summary>Stable reason codes of the route log.</summary>
public static class RouteReasons
{
    public const string Matched = "matched";
    public const string Disabled = "disabled";
    public const string SourceNotListed = "source-not-listed";
    public const string KindNotListed = "kind-not-listed";
    public const string MessageTypeNotListed = "message-type-not-listed";
    public const string ConditionFalse = "condition-false";
    public const string ConditionError = "condition-error";
    public const string NotFhir = "not-fhir";
}

namespace Switchboard.Fhir.Routing;

/// <summary>One line of the route log: for one destination, whether the envelope goes there, which rule decided and why (a code, never data).</summary>
public sealed record RouteDecision(string Destination, string Type, bool Selected, string RuleId, string Reason);

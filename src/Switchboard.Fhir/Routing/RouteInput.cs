using Hl7.Fhir.Model;

namespace Switchboard.Fhir.Routing;

/// <summary>What a rule looks at: envelope metadata plus the translated Bundle (null when the payload is not FHIR).</summary>
public sealed record RouteInput(string Source, string Kind, string MessageType, Bundle? Document);

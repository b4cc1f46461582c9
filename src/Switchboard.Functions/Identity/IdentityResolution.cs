using Switchboard.Identity.Matching;

namespace Switchboard.Functions.Identity;

/// <summary>What the identity stage records for a Patient: its enterprise id, how it was linked, and why.</summary>
/// <param name="EnterpriseId">The enterprise (golden record) id, after merges.</param>
/// <param name="Outcome">AUTO (linked to a known identity or chart), REVIEW (new identity, possible match queued), NEW.</param>
/// <param name="Rule">The rule behind it (<see cref="LinkRules"/>).</param>
/// <param name="ReviewItemId">The review item opened, when <paramref name="Outcome"/> is REVIEW.</param>
public sealed record IdentityResolution(string EnterpriseId, LinkOutcomeKind Outcome, string Rule, double Score, string? ReviewItemId);

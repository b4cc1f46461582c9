namespace Switchboard.Identity.Normalization;

/// <param name="First">First given name, folded; empty when missing or a newborn placeholder.</param>
/// <param name="Middle">Middle names joined by a space (may be a single initial); empty when none.</param>
/// <param name="FamilyJoined">Family name with separators removed (GARCIA LOPEZ → GARCIALOPEZ, MC DONALD → MCDONALD).</param>
/// <param name="FamilyTokens">Significant family-name parts (particles such as DE, LA, Y dropped).</param>
/// <param name="Generation">0 unknown, 1 SR/I, 2 JR/II, 3 III, 4 IV, 5 V.</param>
public sealed record NormalizedName(
    string First,
    string Middle,
    string FamilyJoined,
    string[] FamilyTokens,
    int Generation);

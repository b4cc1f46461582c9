namespace Switchboard.Identity.Matching;

/// <summary>FHIR <c>$match</c> grades (the <c>match-grade</c> extension), mapped from the linker's bands.</summary>
public enum MatchGrade
{
    /// <summary>Would be linked automatically.</summary>
    Certain,

    /// <summary>Scores high enough to link, but a guard (twins, Jr/Sr, name and birth date only ...) holds it back.</summary>
    Probable,

    /// <summary>In the review band.</summary>
    Possible,
}

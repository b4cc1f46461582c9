namespace Switchboard.Identity.Normalization;

/// <param name="Number">House number or PO box number; empty when none.</param>
/// <param name="Street">Street name with USPS abbreviations (MAIN ST, N OAK AVE) or "PO BOX"; empty when none.</param>
/// <param name="Unit">Apartment/suite/unit designator value (4B); empty when none.</param>
/// <param name="Zip5">Five-digit ZIP, leading zeros restored; empty when none.</param>
public sealed record NormalizedAddress(string Number, string Street, string Unit, string City, string State, string Zip5)
{
    public static readonly NormalizedAddress Empty = new(string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);

    public bool HasStreet => Street.Length > 0;
}

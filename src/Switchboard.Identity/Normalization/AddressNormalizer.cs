using System.Collections.Frozen;
using System.Text;

namespace Switchboard.Identity.Normalization;

/// <summary>
/// Addresses: USPS street suffix and directional abbreviations (Publication 28, appendix C1/B), units inline or on a
/// second line, PO boxes, ZIP5/ZIP+4 with lost leading zeros, placeholders (HOMELESS, UNKNOWN ...).
/// </summary>
public static class AddressNormalizer
{
    private static readonly FrozenDictionary<string, string> StreetWords = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["STREET"] = "ST", ["STR"] = "ST", ["AVENUE"] = "AVE", ["AV"] = "AVE", ["AVEN"] = "AVE", ["ROAD"] = "RD",
        ["DRIVE"] = "DR", ["DRV"] = "DR", ["BOULEVARD"] = "BLVD", ["BOUL"] = "BLVD", ["LANE"] = "LN", ["COURT"] = "CT",
        ["PLACE"] = "PL", ["TERRACE"] = "TER", ["CIRCLE"] = "CIR", ["PARKWAY"] = "PKWY", ["PKY"] = "PKWY",
        ["HIGHWAY"] = "HWY", ["SQUARE"] = "SQ", ["TRAIL"] = "TRL", ["PIKE"] = "PIKE", ["ALLEY"] = "ALY",
        ["EXPRESSWAY"] = "EXPY", ["FREEWAY"] = "FWY", ["CRESCENT"] = "CRES", ["POINT"] = "PT", ["HEIGHTS"] = "HTS",
        ["CENTER"] = "CTR", ["CROSSING"] = "XING", ["GROVE"] = "GRV", ["HOLLOW"] = "HOLW", ["MOUNT"] = "MT",
        ["MOUNTAIN"] = "MTN", ["STATION"] = "STA", ["SAINT"] = "ST", ["PLAZA"] = "PLZ", ["LOOP"] = "LOOP",
        ["RIDGE"] = "RDG", ["VIEW"] = "VW", ["VILLAGE"] = "VLG", ["ESTATES"] = "EST", ["MEADOWS"] = "MDWS",
        ["NORTH"] = "N", ["SOUTH"] = "S", ["EAST"] = "E", ["WEST"] = "W", ["NORTHEAST"] = "NE", ["NORTHWEST"] = "NW",
        ["SOUTHEAST"] = "SE", ["SOUTHWEST"] = "SW", ["FIRST"] = "1ST", ["SECOND"] = "2ND", ["THIRD"] = "3RD",
        ["FOURTH"] = "4TH", ["FIFTH"] = "5TH",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> UnitWords = new[]
    {
        "APT", "APARTMENT", "UNIT", "STE", "SUITE", "BLDG", "BUILDING", "FL", "FLOOR", "RM", "ROOM", "NO", "NUM", "LOT",
        "SPC", "SPACE", "TRLR", "DEPT",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Placeholders = new[]
    {
        "HOMELESS", "UNKNOWN", "UNK", "NONE", "NA", "N A", "NO ADDRESS", "ADDRESS UNKNOWN", "UNKNOWN ADDRESS",
        "NOT GIVEN", "DECLINED", "REFUSED", "GENERAL DELIVERY", "TRANSIENT", "NO FIXED ADDRESS", "NFA", "XXX", "X",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static NormalizedAddress Normalize(IReadOnlyList<string>? lines, string? city, string? state, string? postalCode)
    {
        var zip = NormalizeZip(postalCode);
        var foldedCity = TextFolding.Fold(city);
        var foldedState = TextFolding.Fold(state);
        if (Placeholders.Contains(foldedCity))
        {
            foldedCity = string.Empty;
        }

        var tokens = new List<string>();
        if (lines is not null)
        {
            foreach (var line in lines)
            {
                var folded = TextFolding.Fold(line.Replace("#", " APT ", StringComparison.Ordinal));
                if (folded.Length == 0 || Placeholders.Contains(folded))
                {
                    continue;
                }

                tokens.AddRange(folded.Split(' '));
                tokens.Add("|");
            }
        }

        string number = string.Empty, unit = string.Empty;
        var street = new StringBuilder();
        var i = 0;
        // PO BOX / P O BOX / POST OFFICE BOX n
        for (var t = 0; t < tokens.Count; t++)
        {
            if (tokens[t] == "BOX" && t + 1 < tokens.Count && IsNumberish(tokens[t + 1]))
            {
                return new NormalizedAddress(tokens[t + 1], "PO BOX", string.Empty, foldedCity, foldedState, zip);
            }
        }

        for (; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t == "|")
            {
                if (street.Length > 0)
                {
                    // A second line is the unit (APT 4B, or just 4B).
                    unit = ReadUnit(tokens, i + 1);
                    break;
                }

                continue;
            }

            if (number.Length == 0 && street.Length == 0 && IsNumberish(t))
            {
                number = t;
                continue;
            }

            if (t == "#" || UnitWords.Contains(t))
            {
                unit = ReadUnit(tokens, i + 1);
                if (street.Length > 0)
                {
                    break;
                }

                continue;
            }

            if (street.Length > 0)
            {
                street.Append(' ');
            }

            street.Append(StreetWords.TryGetValue(t, out var abbreviation) ? abbreviation : t);
        }

        return new NormalizedAddress(number, street.ToString(), unit, foldedCity, foldedState, zip);
    }

    /// <summary>ZIP5 from 5, 9 (ZIP+4) or 3–4 / 7–8 digit values (lost leading zeros); empty otherwise.</summary>
    public static string NormalizeZip(string? postalCode)
    {
        var digits = TextFolding.Digits(postalCode);
        switch (digits.Length)
        {
            case 5:
                break;
            case 9:
                digits = digits[..5];
                break;
            case 3 or 4:
                digits = digits.PadLeft(5, '0');
                break;
            case 7 or 8:
                digits = digits.PadLeft(9, '0')[..5];
                break;
            default:
                return string.Empty;
        }

        return digits is "00000" or "99999" or "11111" or "12345" ? string.Empty : digits;
    }

    private static string ReadUnit(List<string> tokens, int start)
    {
        for (var j = start; j < tokens.Count; j++)
        {
            var t = tokens[j];
            if (t == "|")
            {
                break;
            }

            if (t == "#" || UnitWords.Contains(t))
            {
                continue;
            }

            return t;
        }

        return string.Empty;
    }

    private static bool IsNumberish(string token) =>
        token.Length > 0 && char.IsAsciiDigit(token[0]) && token.Length <= 8;
}

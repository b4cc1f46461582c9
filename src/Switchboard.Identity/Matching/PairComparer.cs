using Switchboard.Identity.Normalization;

namespace Switchboard.Identity.Matching;

/// <summary>Computes the comparison vector and the hard-negative guards for a pair. Pure and allocation-free.</summary>
public static class PairComparer
{
    public static ComparisonVector Compare(PatientFeatures a, PatientFeatures b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var v = default(ComparisonVector);
        v.First = CompareFirst(a, b);
        v.Family = CompareFamily(a, b);
        if (v.First is Levels.FirstDifferent or Levels.FirstTypo && v.Family is Levels.FamilyDifferent or Levels.FamilyTypo
            && IsSwap(a, b))
        {
            v.First = Levels.FirstExact;
            v.Family = Levels.FamilyExact;
            v.Swapped = true;
        }

        v.Middle = v.First == Levels.FirstMiddleCross || v.Swapped ? Levels.Missing : CompareMiddle(a, b);
        v.BirthDate = CompareBirthDate(a.BirthDate, b.BirthDate);
        v.Sex = a.Sex == '\0' || b.Sex == '\0' ? Levels.Missing : a.Sex == b.Sex ? Levels.Agree : Levels.Disagree;
        v.Address = CompareAddress(a, b);
        v.Phone = a.Phone == 0 || b.Phone == 0 ? Levels.Missing : a.Phone == b.Phone ? Levels.Agree : Levels.Disagree;
        v.Email = a.EmailId == 0 || b.EmailId == 0 ? Levels.Missing : a.EmailId == b.EmailId ? Levels.Agree : Levels.Disagree;
        v.Ssn = a.SsnLast4 == 0 || b.SsnLast4 == 0 ? Levels.Missing : a.SsnLast4 == b.SsnLast4 ? Levels.Agree : Levels.Disagree;
        return v;
    }

    public static GuardFlags Guards(PatientFeatures a, PatientFeatures b, in ComparisonVector v)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var g = GuardFlags.None;
        if (a.Generation != 0 && b.Generation != 0 && a.Generation != b.Generation)
        {
            g |= GuardFlags.SuffixConflict;
        }

        if (v.BirthDate is Levels.DateDifferent or Levels.DateSameMonthDay)
        {
            g |= GuardFlags.BirthDateConflict;
        }

        if (v.First == Levels.FirstDifferent)
        {
            g |= GuardFlags.FirstNameConflict;
        }

        if (v.Ssn == Levels.Disagree)
        {
            g |= GuardFlags.SsnConflict;
        }

        if (v.Sex == Levels.Disagree && v.First != Levels.FirstExact)
        {
            g |= GuardFlags.SexConflict;
        }

        // A shared ZIP corroborates only when a street is missing on one side; two different streets contradict.
        var twoStreets = a.StreetId != 0 && b.StreetId != 0;
        var addressAgrees = v.Address is Levels.AddressExact or Levels.AddressFuzzy || (v.Address == Levels.AddressZip && !twoStreets);
        // A full middle name that agrees is independent evidence too: a same-name stranger's middle name is drawn
        // from the whole pool (and father and son, who share it, are told apart by birth date and suffix).
        if (!addressAgrees && v.Phone != Levels.Agree
            && v.Email != Levels.Agree && v.Ssn != Levels.Agree && v.Middle != Levels.MiddleExact)
        {
            g |= GuardFlags.NoCorroboration;
        }

        if (v.Address == Levels.AddressDifferent || (v.Address == Levels.AddressZip && twoStreets) || v.Phone == Levels.Disagree || v.Email == Levels.Disagree
            || v.Middle == Levels.MiddleDifferent)
        {
            g |= GuardFlags.Contradiction;
        }

        if (v.First == Levels.Missing)
        {
            g |= GuardFlags.MissingFirstName;
        }

        if (v.BirthDate == Levels.Missing && v.Ssn != Levels.Agree)
        {
            g |= GuardFlags.MissingBirthDate;
        }

        return g;
    }

    internal static byte CompareFirst(PatientFeatures a, PatientFeatures b)
    {
        if (a.FirstId == 0 || b.FirstId == 0)
        {
            return Levels.Missing;
        }

        if (a.FirstId == b.FirstId)
        {
            return Levels.FirstExact;
        }

        if (NicknameTable.Intersects(a.FirstGroups, b.FirstGroups))
        {
            return Levels.FirstNickname;
        }

        if (a.FirstMiddleJoinedId != 0 && (a.FirstMiddleJoinedId == b.FirstId || a.FirstMiddleJoinedId == b.FirstMiddleJoinedId)
            || (b.FirstMiddleJoinedId != 0 && b.FirstMiddleJoinedId == a.FirstId))
        {
            return Levels.FirstMiddleCross;
        }

        if (a.First.Length == 1 || b.First.Length == 1)
        {
            return a.First[0] == b.First[0] ? Levels.FirstInitial : Levels.FirstDifferent;
        }

        if ((a.MiddleFirstTokenId != 0 && a.MiddleFirstTokenId == b.FirstId) || (b.MiddleFirstTokenId != 0 && b.MiddleFirstTokenId == a.FirstId))
        {
            return Levels.FirstMiddleCross;
        }

        // Two distinct, known given names (JOHN vs JOAN) are different people, however close the spelling.
        if (a.FirstIsKnownName && b.FirstIsKnownName)
        {
            return Levels.FirstDifferent;
        }

        return IsTypo(a.First, b.First) ? Levels.FirstTypo : Levels.FirstDifferent;
    }

    internal static byte CompareFamily(PatientFeatures a, PatientFeatures b)
    {
        if (a.FamilyId == 0 || b.FamilyId == 0)
        {
            return Levels.Missing;
        }

        if (a.FamilyId == b.FamilyId)
        {
            return Levels.FamilyExact;
        }

        if (SharesPart(a, b))
        {
            return Levels.FamilyPartial;
        }

        return IsTypo(a.Family, b.Family) ? Levels.FamilyTypo : Levels.FamilyDifferent;
    }

    internal static byte CompareMiddle(PatientFeatures a, PatientFeatures b)
    {
        if (a.MiddleId == 0 || b.MiddleId == 0)
        {
            return Levels.Missing;
        }

        if (a.MiddleId == b.MiddleId)
        {
            return a.Middle.Length == 1 ? Levels.MiddleInitial : Levels.MiddleExact;
        }

        if (a.Middle[0] != b.Middle[0])
        {
            return Levels.MiddleDifferent;
        }

        if (a.Middle.Length == 1 || b.Middle.Length == 1 || a.Middle[1] == ' ' || b.Middle[1] == ' ')
        {
            return Levels.MiddleInitial;
        }

        return IsTypo(a.Middle, b.Middle) ? Levels.MiddleExact : Levels.MiddleInitial;
    }

    internal static byte CompareBirthDate(int a, int b)
    {
        if (a == 0 || b == 0)
        {
            return Levels.Missing;
        }

        return DateNormalizer.Compare(a, b) switch
        {
            DateAgreement.Exact => Levels.DateExact,
            DateAgreement.DayMonthSwap => Levels.DateSwap,
            DateAgreement.OneDigit => Levels.DateOneDigit,
            DateAgreement.SameMonthDay => Levels.DateSameMonthDay,
            _ => Levels.DateDifferent,
        };
    }

    internal static byte CompareAddress(PatientFeatures a, PatientFeatures b)
    {
        if (a.StreetId != 0 && b.StreetId != 0)
        {
            if (a.StreetId == b.StreetId)
            {
                return Levels.AddressExact;
            }

            if (string.Equals(a.HouseNumber, b.HouseNumber, StringComparison.Ordinal)
                && StringSimilarity.JaroWinkler(a.Street, b.Street) >= 0.88)
            {
                return Levels.AddressFuzzy;
            }
        }

        if (a.Zip5 != 0 && b.Zip5 != 0)
        {
            return a.Zip5 == b.Zip5 ? Levels.AddressZip : Levels.AddressDifferent;
        }

        if (a.CityId != 0 && b.CityId != 0)
        {
            return a.CityId == b.CityId ? Levels.AddressCity : Levels.AddressDifferent;
        }

        return a.StreetId != 0 && b.StreetId != 0 ? Levels.AddressDifferent : Levels.Missing;
    }

    private static bool IsSwap(PatientFeatures a, PatientFeatures b) =>
        a.FirstId != 0 && a.FamilyId != 0 && b.FirstId != 0 && b.FamilyId != 0
        && (a.FirstId == b.FamilyId || IsTypo(a.First, b.Family))
        && (a.FamilyId == b.FirstId || IsTypo(a.Family, b.First));

    private static bool SharesPart(PatientFeatures a, PatientFeatures b)
    {
        // GARCIALOPEZ vs GARCIA, LOPEZ, GARCIA LOPEZ (tokens) or GARCIALOPEZ vs GARCIAL (prefix of 4+).
        foreach (var x in a.FamilyTokenIds)
        {
            if (x == b.FamilyId)
            {
                return true;
            }

            foreach (var y in b.FamilyTokenIds)
            {
                if (x == y)
                {
                    return true;
                }
            }
        }

        foreach (var y in b.FamilyTokenIds)
        {
            if (y == a.FamilyId)
            {
                return true;
            }
        }

        string shorter = a.Family, longer = b.Family;
        if (shorter.Length > longer.Length)
        {
            (shorter, longer) = (longer, shorter);
        }

        return shorter.Length >= 4 && longer.Length > shorter.Length
            && (longer.StartsWith(shorter, StringComparison.Ordinal) || longer.EndsWith(shorter, StringComparison.Ordinal));
    }

    private static bool IsTypo(string a, string b)
    {
        if (a.Length < 3 || b.Length < 3)
        {
            return false;
        }

        var limit = Math.Min(a.Length, b.Length) >= 7 ? 2 : 1;
        return StringSimilarity.EditDistance(a, b, limit) <= limit;
    }
}

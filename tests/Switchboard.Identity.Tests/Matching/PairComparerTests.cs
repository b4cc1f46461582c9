using Switchboard.Identity.Matching;

namespace Switchboard.Identity.Tests.Matching;

public sealed class PairComparerTests
{
    private static PatientRegistration Person(string id, string[] given, string family, string dob, string? suffix = null,
        string sex = "male", string? phone = "713-555-0142", string? ssn = null, string mrn = "M1") =>
        new(id, "SRC", mrn + id, given, family, suffix, sex, dob, ["12 Oak St"], "Houston", "TX", "77002", phone, null, ssn);

    private static (ComparisonVector V, GuardFlags G) Compare(PatientRegistration a, PatientRegistration b)
    {
        var x = new FeatureExtractor();
        var fa = x.Extract(a);
        var fb = x.Extract(b);
        var v = PairComparer.Compare(fa, fb);
        return (v, PairComparer.Guards(fa, fb, v));
    }

    [Fact]
    public void Guards_Twins_RaiseFirstNameConflict()
    {
        var (_, g) = Compare(Person("1", ["Aiden"], "Lee", "2010-05-05"), Person("2", ["Mason"], "Lee", "2010-05-05"));

        Assert.True(g.HasFlag(GuardFlags.FirstNameConflict));
    }

    [Fact]
    public void Guards_JuniorAndSeniorSuffixes_RaiseSuffixConflict()
    {
        var (_, g) = Compare(Person("1", ["Richard", "SR"], "Hill", "1950-01-01"), Person("2", ["Richard"], "Hill Jr", "1950-01-01"));

        Assert.True(g.HasFlag(GuardFlags.SuffixConflict));
    }

    [Fact]
    public void Guards_FatherAndSonWithoutSuffix_RaiseBirthDateConflict()
    {
        var (_, g) = Compare(Person("1", ["Richard"], "Hill", "1950-02-11"), Person("2", ["Richard"], "Hill", "1978-09-30"));

        Assert.True(g.HasFlag(GuardFlags.BirthDateConflict));
    }

    [Fact]
    public void Compare_NicknameAndSwappedDayMonth_LevelsAreNicknameAndSwap()
    {
        var (v, g) = Compare(Person("1", ["William"], "Smith", "1980-03-04"), Person("2", ["Bill"], "Smith", "1980-04-03"));

        Assert.Equal(Levels.FirstNickname, v.First);
        Assert.Equal(Levels.DateSwap, v.BirthDate);
        Assert.Equal(GuardFlags.None, g & GuardFlags.BlocksAutoLink);
    }

    [Fact]
    public void Compare_FirstLastSwapped_IsSwappedExact()
    {
        var (v, _) = Compare(Person("1", ["Wei"], "Zhang", "1970-01-02"), Person("2", ["Zhang"], "Wei", "1970-01-02"));

        Assert.True(v.Swapped);
        Assert.Equal(Levels.FirstExact, v.First);
    }

    [Fact]
    public void Compare_GoesByMiddleName_IsMiddleCross()
    {
        var (v, g) = Compare(Person("1", ["James", "Robert"], "Cole", "1960-06-06"), Person("2", ["Robert"], "Cole", "1960-06-06"));

        Assert.Equal(Levels.FirstMiddleCross, v.First);
        Assert.False(g.HasFlag(GuardFlags.FirstNameConflict));
    }

    [Fact]
    public void Compare_TwoPartSurnameShortened_IsPartial()
    {
        var (v, _) = Compare(Person("1", ["Ana"], "García López", "1990-01-01"), Person("2", ["Ana"], "Garcia", "1990-01-01"));

        Assert.Equal(Levels.FamilyPartial, v.Family);
    }
}

using Switchboard.Identity.Normalization;

namespace Switchboard.Identity.Tests.Normalization;

public sealed class NormalizerTests
{
    [Theory]
    [InlineData("García-López", "GARCIA LOPEZ")]
    [InlineData("O'Brien", "OBRIEN")]
    [InlineData("  mc  donald ", "MC DONALD")]
    [InlineData("Zúñiga", "ZUNIGA")]
    [InlineData(null, "")]
    public void Fold_Variants_ReturnsUpperAscii(string? input, string expected) =>
        Assert.Equal(expected, TextFolding.Fold(input));

    [Theory]
    [InlineData(new[] { "RICHARD", "SR" }, "Smith", null, "RICHARD", "", "SMITH", 1)]
    [InlineData(new[] { "John" }, "Smith Jr", null, "JOHN", "", "SMITH", 2)]
    [InlineData(new[] { "Mary Ann" }, "García López", "II", "MARY", "ANN", "GARCIALOPEZ", 2)]
    [InlineData(new[] { "BABY GIRL" }, "Lee", null, "", "", "LEE", 0)]
    [InlineData(new[] { "TWIN B" }, "Lee", null, "", "", "LEE", 0)]
    public void Normalize_Names_ExtractsPartsAndSuffix(string[] given, string family, string? suffix, string first, string middle, string joined, int generation)
    {
        var name = NameNormalizer.Normalize(given, family, suffix);

        Assert.Equal(first, name.First);
        Assert.Equal(middle, name.Middle);
        Assert.Equal(joined, name.FamilyJoined);
        Assert.Equal(generation, name.Generation);
    }

    [Theory]
    [InlineData("(713)555-0142", 7135550142L)]
    [InlineData("+1 713-555-0142", 7135550142L)]
    [InlineData("17135550142", 7135550142L)]
    [InlineData("0000000000", 0L)]
    [InlineData("555-555-5555", 0L)]
    [InlineData("12345", 0L)]
    public void NormalizePhone_Formats_ReturnsNanpOrZero(string input, long expected) =>
        Assert.Equal(expected, ContactNormalizer.NormalizePhone(input));

    [Theory]
    [InlineData("77002", "77002")]
    [InlineData("77002-1234", "77002")]
    [InlineData("770021234", "77002")]
    [InlineData("2134", "02134")]
    [InlineData("21341234", "02134")]
    [InlineData("abc", "")]
    public void NormalizeZip_Variants_ReturnsZip5(string input, string expected) =>
        Assert.Equal(expected, AddressNormalizer.NormalizeZip(input));

    [Fact]
    public void Normalize_UnitOnSecondLineAndAbbreviations_SameStreet()
    {
        var a = AddressNormalizer.Normalize(["123 North Main Street", "Apt 4B"], "Houston", "TX", "77002");
        var b = AddressNormalizer.Normalize(["123 N. Main St #4B"], "HOUSTON", "TX", "77002-1234");

        Assert.Equal(a with { City = "" }, b with { City = "" });
        Assert.Equal("N MAIN ST", a.Street);
        Assert.Equal("4B", a.Unit);
    }

    [Theory]
    [InlineData("HOMELESS")]
    [InlineData("UNKNOWN")]
    public void Normalize_PlaceholderAddress_HasNoStreet(string line) =>
        Assert.False(AddressNormalizer.Normalize([line], null, null, null).HasStreet);

    [Theory]
    [InlineData("1980-03-04", "1980-04-03", DateAgreement.DayMonthSwap)]
    [InlineData("1980-03-04", "1980-03-05", DateAgreement.OneDigit)]
    [InlineData("1985-03-04", "1962-03-04", DateAgreement.SameMonthDay)]
    [InlineData("1985-03-04", "1958-03-04", DateAgreement.OneDigit)]
    [InlineData("1980-03-04", "1989-03-04", DateAgreement.OneDigit)]
    [InlineData("1980-03-04", "2010-07-21", DateAgreement.Different)]
    public void Compare_BirthDates_ClassifiesError(string a, string b, DateAgreement expected) =>
        Assert.Equal(expected, DateNormalizer.Compare(DateNormalizer.Normalize(a), DateNormalizer.Normalize(b)));

    [Fact]
    public void Normalize_PlaceholderBirthDate_ReturnsZero() =>
        Assert.Equal(0, DateNormalizer.Normalize("1900-01-01"));

    [Theory]
    [InlineData("noemail@example.com", "")]
    [InlineData("John.Smith@Example.COM", "john.smith@example.com")]
    [InlineData("not-an-email", "")]
    public void NormalizeEmail_Values_LowercasesOrClears(string input, string expected) =>
        Assert.Equal(expected, ContactNormalizer.NormalizeEmail(input));

    [Theory]
    [InlineData("0000", 0)]
    [InlineData("9999", 0)]
    [InlineData("1234", 0)]
    [InlineData("4709", 4709)]
    public void NormalizeSsnLast4_Placeholders_ReturnZero(string input, int expected) =>
        Assert.Equal(expected, ContactNormalizer.NormalizeSsnLast4(input));

    [Theory]
    [InlineData("Bill", "William", true)]
    [InlineData("Peggy", "Margaret", true)]
    [InlineData("Chuy", "Jesús", true)]
    [InlineData("Patrick", "Patricia", false)]
    [InlineData("John", "Joan", false)]
    public void AreEquivalent_NicknamePairs_FollowsGroups(string a, string b, bool expected) =>
        Assert.Equal(expected, NicknameTable.Default.AreEquivalent(a, b));

    [Fact]
    public void Default_NicknameTable_HasSeveralHundredPairs() =>
        Assert.True(NicknameTable.Default.PairCount >= 500, $"{NicknameTable.Default.PairCount} pairs");
}

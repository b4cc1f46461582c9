using Hl7.Fhir.Model;
using Switchboard.Fhir.Mapping;

namespace Switchboard.Fhir.Tests.Mapping;

public class AdtTranslationTests
{
    private static TranslationResult Admit() => TestFiles.Translate(TestFiles.Read("ADT/adt-a01-admit.hl7"));

    [Fact]
    public void Translate_AdtA01_PatientFirstWithConditionalUpdateOnOid()
    {
        var bundle = Admit().Bundle;
        var first = bundle.Entry[0];
        Assert.IsType<Patient>(first.Resource);
        Assert.Equal(Bundle.HTTPVerb.PUT, first.Request.Method);
        Assert.Equal("Patient?identifier=" + Uri.EscapeDataString("urn:oid:2.16.840.1.113883.3.9999.1|MRN1001"), first.Request.Url);
        Assert.IsType<MessageHeader>(bundle.Entry[1].Resource);
        Assert.IsType<Provenance>(bundle.Entry[^1].Resource);
    }

    [Fact]
    public void Translate_AdtA01_EncounterInpatientInProgressWithVisitNumber()
    {
        var encounter = Admit().Bundle.Entry.Select(e => e.Resource).OfType<Encounter>().Single();
        Assert.Equal("IMP", encounter.Class.Code);
        Assert.Equal(Encounter.EncounterStatus.InProgress, encounter.Status);
        Assert.Equal("V5001", encounter.Identifier.Single(i => i.Type?.Coding[0].Code == "VN").Value);
        Assert.Equal("2024-03-15T09:00:00+00:00", encounter.Period.Start);
    }

    [Fact]
    public void Translate_AdtA01_ReportsZSegmentAndUnmappedField()
    {
        var report = Admit().Report;
        Assert.Contains("ZPI", report.UnmappedSegments);
        Assert.Contains(report.Issues, i => i.Code == MappingIssueCodes.UnknownSegment && i.Position == "ZPI");
        Assert.Contains("PID-18", report.UnmappedFields);
        Assert.False(report.Failed);
    }

    [Fact]
    public void Translate_PolicyFail_ReportFailsWithMap050()
    {
        var context = TranslationContext.Create("golden", new SourceMappingOptions { Unmapped = UnmappedPolicy.Fail });
        var report = TestFiles.Translate(TestFiles.Read("ADT/adt-a01-admit.hl7"), context).Report;
        Assert.True(report.Failed);
        Assert.Contains(report.Issues, i => i.Code == MappingIssueCodes.PolicyFailure);
    }

    [Fact]
    public void Translate_IgnoredSegmentAndField_NotReported()
    {
        var context = TranslationContext.Create("golden", new SourceMappingOptions { IgnoredSegments = ["ZPI"], IgnoredFields = ["PID-18"] });
        var report = TestFiles.Translate(TestFiles.Read("ADT/adt-a01-admit.hl7"), context).Report;
        Assert.DoesNotContain("ZPI", report.UnmappedSegments);
        Assert.DoesNotContain("PID-18", report.UnmappedFields);
    }

    [Fact]
    public void Translate_AdtA40_LinksPatientsAndReturnsMerge()
    {
        var result = TestFiles.Translate(TestFiles.Read("ADT/adt-a40-merge.hl7"));
        var patients = result.Bundle.Entry.Select(e => e.Resource).OfType<Patient>().ToList();
        Assert.Equal(2, patients.Count);
        Assert.Equal(Patient.LinkType.Replaces, patients[0].Link.Single().Type);
        Assert.Equal(false, patients[1].Active);
        Assert.Equal(Patient.LinkType.ReplacedBy, patients[1].Link.Single().Type);
        Assert.NotNull(result.Merge);
        Assert.Equal("MRN0999", result.Merge!.Prior.Single().Value);
        Assert.Equal("1980-04", patients[0].BirthDate);
    }

    [Fact]
    public void Translate_AdtA28WithEmptyVisit_NoEncounterAndUnresolvedSystemReported()
    {
        var result = TestFiles.Translate(TestFiles.Read("ADT/adt-a28-person.hl7"));
        Assert.Empty(result.Bundle.Entry.Select(e => e.Resource).OfType<Encounter>());
        var patient = (Patient)result.Bundle.Entry[0].Resource;
        Assert.Equal("urn:switchboard:golden:id:LOCALMRN", patient.Identifier[0].System);
        Assert.Contains(result.Report.Issues, i => i.Code == MappingIssueCodes.UnresolvedIdentifierSystem);
        Assert.Equal("1975", patient.BirthDate);
    }

    [Fact]
    public void Translate_ConfiguredIdentifierSystem_UsedForNamespace()
    {
        var options = new SourceMappingOptions { IdentifierSystems = { ["LOCALMRN"] = "https://hosp.test/fhir/sid/mrn" } };
        var result = TestFiles.Translate(TestFiles.Read("ADT/adt-a28-person.hl7"), TranslationContext.Create("golden", options));
        Assert.Equal("https://hosp.test/fhir/sid/mrn", ((Patient)result.Bundle.Entry[0].Resource).Identifier[0].System);
        Assert.DoesNotContain(result.Report.Issues, i => i.Code == MappingIssueCodes.UnresolvedIdentifierSystem && i.Position.StartsWith("PID", StringComparison.Ordinal));
    }

    [Fact]
    public void Translate_SourceTimeZone_AppliedToValuesWithoutOffset()
    {
        var context = TranslationContext.Create("golden", new SourceMappingOptions { TimeZone = "America/Chicago" });
        var encounter = TestFiles.Translate(TestFiles.Read("ADT/adt-a01-admit.hl7"), context).Bundle.Entry.Select(e => e.Resource).OfType<Encounter>().Single();
        Assert.Equal("2024-03-15T09:00:00-05:00", encounter.Period.Start);
    }

    [Fact]
    public void Translate_ValueWithOffset_KeepsOffset()
    {
        var bundle = TestFiles.Translate(TestFiles.Read("ADT/adt-a40-merge.hl7"), TranslationContext.Create("golden", new SourceMappingOptions { TimeZone = "Europe/Paris" })).Bundle;
        Assert.Equal(new DateTimeOffset(2024, 3, 16, 8, 0, 0, TimeSpan.FromHours(-5)), bundle.Timestamp);
    }

    [Fact]
    public void Translate_SamePatientDifferentSources_DifferentIds()
    {
        var text = TestFiles.Read("ADT/adt-a01-admit.hl7");
        var a = TestFiles.Translate(text, TranslationContext.Default("source-a")).Bundle;
        var b = TestFiles.Translate(text, TranslationContext.Default("source-b")).Bundle;
        Assert.Empty(a.Entry.Select(e => e.FullUrl).Intersect(b.Entry.Select(e => e.FullUrl)));
    }
}

using Hl7.Fhir.Model;
using Switchboard.Fhir.Mapping;

namespace Switchboard.Fhir.Tests.Mapping;

public class OruTranslationTests
{
    private static List<Resource> Resources(string text) => TestFiles.Translate(text).Bundle.Entry.Select(e => e.Resource).ToList();

    [Fact]
    public void Translate_OruR01_ReportWithObservationsUnitsRangesAndNotes()
    {
        var resources = Resources(TestFiles.Read("ORU/oru-r01-panel.hl7"));
        var report = resources.OfType<DiagnosticReport>().Single();
        Assert.Equal(DiagnosticReport.DiagnosticReportStatus.Final, report.Status);
        Assert.Equal(5, report.Result.Count);
        Assert.Single(report.PresentedForm);
        Assert.Equal("application/pdf", report.PresentedForm[0].ContentType);
        Assert.Single(report.Specimen);
        var glucose = resources.OfType<Observation>().Single(o => o.Code.Coding[0].Code == "2345-7");
        var quantity = Assert.IsType<Quantity>(glucose.Value);
        Assert.Equal(182m, quantity.Value);
        Assert.Equal("http://unitsofmeasure.org", quantity.System);
        Assert.Equal(70m, glucose.ReferenceRange[0].Low.Value);
        Assert.Equal("H", glucose.Interpretation[0].Coding[0].Code);
        Assert.Equal("Patient not fasting.", glucose.Note[0].Text);
        var potassium = resources.OfType<Observation>().Single(o => o.Code.Coding[0].Code == "2823-3");
        Assert.Equal(Quantity.QuantityComparator.LessThan, ((Quantity)potassium.Value).Comparator);
        Assert.Equal(ObservationStatus.Corrected, potassium.Status);
    }

    [Fact]
    public void Translate_SameOrderNumberDifferentPatients_NoSharedIds()
    {
        var text = TestFiles.Read("ORU/oru-r01-panel.hl7");
        var other = text.Replace("MRN1001", "MRN7777", StringComparison.Ordinal);
        var a = TestFiles.Translate(text).Bundle.Entry.Where(e => e.Resource is DiagnosticReport or Observation).Select(e => e.FullUrl);
        var b = TestFiles.Translate(other).Bundle.Entry.Where(e => e.Resource is DiagnosticReport or Observation).Select(e => e.FullUrl);
        Assert.Empty(a.Intersect(b));
    }
}

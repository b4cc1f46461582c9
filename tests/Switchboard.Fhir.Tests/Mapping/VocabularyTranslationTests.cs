using Hl7.Fhir.Model;
using Switchboard.Fhir.Mapping;

namespace Switchboard.Fhir.Tests.Mapping;

/// <summary>
/// The IG vocabulary tables (reference §5) end to end: one synthetic message per table with the code substituted,
/// translated, and the FHIR element checked. Unmapped codes are kept and reported (MAP010).
/// </summary>
public class VocabularyTranslationTests
{
    private static TranslationResult With(string file, string from, string to)
    {
        var text = TestFiles.Read(file);
        Assert.Contains(from, text, StringComparison.Ordinal);
        return TestFiles.Translate(text.Replace(from, to, StringComparison.Ordinal));
    }

    private static T Single<T>(TranslationResult result) => result.Bundle.Entry.Select(e => e.Resource).OfType<T>().Single();

    [Theory]
    [InlineData("F", AdministrativeGender.Female)]
    [InlineData("M", AdministrativeGender.Male)]
    [InlineData("O", AdministrativeGender.Other)]
    [InlineData("U", AdministrativeGender.Unknown)]
    [InlineData("A", AdministrativeGender.Other)]
    [InlineData("N", AdministrativeGender.Other)]
    public void Translate_AdministrativeSex_PatientGender(string v2, AdministrativeGender expected)
    {
        var patient = (Patient)With("ADT/adt-a01-admit.hl7", "|19800412|F|", "|19800412|" + v2 + "|").Bundle.Entry[0].Resource;
        Assert.Equal(expected, patient.Gender);
    }

    [Theory]
    [InlineData("E", "EMER", Encounter.EncounterStatus.InProgress)]
    [InlineData("I", "IMP", Encounter.EncounterStatus.InProgress)]
    [InlineData("O", "AMB", Encounter.EncounterStatus.InProgress)]
    [InlineData("P", "PRENC", Encounter.EncounterStatus.InProgress)]
    [InlineData("R", "R", Encounter.EncounterStatus.InProgress)]
    [InlineData("B", "B", Encounter.EncounterStatus.InProgress)]
    [InlineData("U", "U", Encounter.EncounterStatus.InProgress)]
    public void Translate_PatientClassOnA01_EncounterClassAndEventStatus(string v2, string expectedClass, Encounter.EncounterStatus expectedStatus)
    {
        // A01 → in-progress (Event map wins over the class status on admit).
        var encounter = Single<Encounter>(With("ADT/adt-a01-admit.hl7", "PV1|1|I|", "PV1|1|" + v2 + "|"));
        Assert.Equal(expectedClass, encounter.Class.Code);
        Assert.Equal(expectedStatus, encounter.Status);
    }

    [Theory]
    [InlineData("M", "M")]
    [InlineData("S", "S")]
    [InlineData("D", "D")]
    [InlineData("W", "W")]
    [InlineData("A", "L")]
    [InlineData("P", "T")]
    [InlineData("N", "A")]
    [InlineData("B", "U")]
    public void Translate_MaritalStatus_V3Code(string v2, string expected)
    {
        var patient = (Patient)With("ADT/adt-a01-admit.hl7", "|EN^English^ISO639|M|", "|EN^English^ISO639|" + v2 + "|").Bundle.Entry[0].Resource;
        Assert.Equal(expected, patient.MaritalStatus.Coding[0].Code);
    }

    [Theory]
    [InlineData("H", "H")]
    [InlineData("HH", "HH")]
    [InlineData("L", "L")]
    [InlineData("A", "A")]
    [InlineData("POS", "POS")]
    public void Translate_AbnormalFlag_Interpretation(string v2, string expected)
    {
        var result = With("ORU/oru-r01-panel.hl7", "|70-99|H|", "|70-99|" + v2 + "|");
        var glucose = result.Bundle.Entry.Select(e => e.Resource).OfType<Observation>().Single(o => o.Code.Coding[0].Code == "2345-7");
        Assert.Equal("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", glucose.Interpretation.Single().Coding[0].System);
        Assert.Equal(expected, glucose.Interpretation.Single().Coding[0].Code);
    }

    [Fact]
    public void Translate_UnmappedAbnormalFlag_KeptWithLocalSystemAndReported()
    {
        var result = With("ORU/oru-r01-panel.hl7", "|70-99|H|", "|70-99|TOX|");
        var glucose = result.Bundle.Entry.Select(e => e.Resource).OfType<Observation>().Single(o => o.Code.Coding[0].Code == "2345-7");
        Assert.Equal("TOX", glucose.Interpretation.Single().Coding[0].Code);
        Assert.StartsWith("urn:switchboard:golden:", glucose.Interpretation.Single().Coding[0].System, StringComparison.Ordinal);
        Assert.Contains(result.Report.Issues, i => i.Code == MappingIssueCodes.UnmappedCode && i.Position == "OBX-8");
    }

    [Theory]
    [InlineData("F", ObservationStatus.Final)]
    [InlineData("P", ObservationStatus.Preliminary)]
    [InlineData("C", ObservationStatus.Corrected)]
    [InlineData("A", ObservationStatus.Amended)]
    [InlineData("D", ObservationStatus.EnteredInError)]
    [InlineData("W", ObservationStatus.EnteredInError)]
    [InlineData("X", ObservationStatus.Cancelled)]
    [InlineData("I", ObservationStatus.Registered)]
    [InlineData("R", ObservationStatus.Preliminary)]
    [InlineData("U", ObservationStatus.Final)]
    [InlineData("B", ObservationStatus.Amended)]
    public void Translate_ObservationResultStatus_ObservationStatus(string v2, ObservationStatus expected)
    {
        var result = With("ORU/oru-r01-panel.hl7", "|70-99|H|||F|", "|70-99|H|||" + v2 + "|");
        var glucose = result.Bundle.Entry.Select(e => e.Resource).OfType<Observation>().Single(o => o.Code.Coding[0].Code == "2345-7");
        Assert.Equal(expected, glucose.Status);
    }

    [Theory]
    [InlineData("F", DiagnosticReport.DiagnosticReportStatus.Final)]
    [InlineData("P", DiagnosticReport.DiagnosticReportStatus.Preliminary)]
    [InlineData("C", DiagnosticReport.DiagnosticReportStatus.Corrected)]
    [InlineData("R", DiagnosticReport.DiagnosticReportStatus.Partial)]
    [InlineData("X", DiagnosticReport.DiagnosticReportStatus.Cancelled)]
    [InlineData("O", DiagnosticReport.DiagnosticReportStatus.Registered)]
    [InlineData("A", DiagnosticReport.DiagnosticReportStatus.Partial)]
    [InlineData("M", DiagnosticReport.DiagnosticReportStatus.Corrected)]
    public void Translate_ReportResultStatus_DiagnosticReportStatus(string v2, DiagnosticReport.DiagnosticReportStatus expected)
    {
        var text = TestFiles.Read("ORU/oru-r01-panel.hl7");
        var obr = text.Split('\r').Single(l => l.StartsWith("OBR|", StringComparison.Ordinal));
        Assert.EndsWith("|F", obr, StringComparison.Ordinal);
        var result = TestFiles.Translate(text.Replace(obr, obr[..^1] + v2, StringComparison.Ordinal));
        Assert.Equal(expected, Single<DiagnosticReport>(result).Status);
    }

    [Theory]
    [InlineData("NW", RequestStatus.Active)]
    [InlineData("OK", RequestStatus.Active)]
    [InlineData("SC", RequestStatus.Active)]
    [InlineData("CR", RequestStatus.Revoked)]
    [InlineData("DC", RequestStatus.Revoked)]
    [InlineData("OC", RequestStatus.Revoked)]
    [InlineData("HR", RequestStatus.OnHold)]
    [InlineData("OH", RequestStatus.OnHold)]
    [InlineData("FU", RequestStatus.Completed)]
    [InlineData("XO", RequestStatus.Unknown)]
    public void Translate_OrderControl_ServiceRequestStatus(string v2, RequestStatus expected)
    {
        var request = Single<ServiceRequest>(With("ORM/orm-o01-lipid.hl7", "ORC|NW|", "ORC|" + v2 + "|"));
        Assert.Equal(expected, request.Status);
    }

    [Theory]
    [InlineData("Pending", Appointment.AppointmentStatus.Pending)]
    [InlineData("Waitlist", Appointment.AppointmentStatus.Waitlist)]
    [InlineData("Booked", Appointment.AppointmentStatus.Booked)]
    [InlineData("Started", Appointment.AppointmentStatus.CheckedIn)]
    [InlineData("Complete", Appointment.AppointmentStatus.Fulfilled)]
    [InlineData("Cancelled", Appointment.AppointmentStatus.Cancelled)]
    [InlineData("Deleted", Appointment.AppointmentStatus.EnteredInError)]
    [InlineData("Noshow", Appointment.AppointmentStatus.Noshow)]
    [InlineData("Discontinued", Appointment.AppointmentStatus.Cancelled)]
    [InlineData("Overbook", Appointment.AppointmentStatus.Booked)]
    public void Translate_FillerStatusOnS14_AppointmentStatus(string v2, Appointment.AppointmentStatus expected)
    {
        var text = TestFiles.Read("SIU/siu-s12-booked.hl7").Replace("SIU^S12^SIU_S12", "SIU^S14^SIU_S12", StringComparison.Ordinal);
        Assert.Contains("||Booked\rNTE", text, StringComparison.Ordinal);
        var result = TestFiles.Translate(text.Replace("||Booked\rNTE", "||" + v2 + "\rNTE", StringComparison.Ordinal));
        Assert.Equal(expected, Single<Appointment>(result).Status);
    }
}

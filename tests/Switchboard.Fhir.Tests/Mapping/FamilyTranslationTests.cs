using Hl7.Fhir.Model;
using Switchboard.Fhir.Mapping;

namespace Switchboard.Fhir.Tests.Mapping;

/// <summary>ORM/OML, RDE, SIU, MDM, REF and VXU: the resources each family produces from our synthetic messages.</summary>
public class FamilyTranslationTests
{
    private static TranslationResult Golden(string file) => TestFiles.Translate(TestFiles.Read(file));

    private static List<T> All<T>(TranslationResult result) => result.Bundle.Entry.Select(e => e.Resource).OfType<T>().ToList();

    private static string Replace(string file, string from, string to)
    {
        var text = TestFiles.Read(file);
        Assert.Contains(from, text, StringComparison.Ordinal);
        return text.Replace(from, to, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ORM/orm-o01-lipid.hl7", "ServiceRequest")]
    [InlineData("RDE/rde-o11-amlodipine.hl7", "MedicationRequest")]
    [InlineData("SIU/siu-s12-booked.hl7", "Appointment")]
    [InlineData("MDM/mdm-t02-consult.hl7", "DocumentReference")]
    [InlineData("REF/ref-i12-cardiology.hl7", "ServiceRequest")]
    [InlineData("VXU/vxu-v04-hepb.hl7", "Immunization")]
    public void Translate_FamilyMessage_PatientFirstFocusOnContentAndNoMap004(string file, string focusType)
    {
        var result = Golden(file);
        Assert.IsType<Patient>(result.Bundle.Entry[0].Resource);
        Assert.StartsWith("Patient?identifier=", result.Bundle.Entry[0].Request.Url, StringComparison.Ordinal);
        var header = Assert.IsType<MessageHeader>(result.Bundle.Entry[1].Resource);
        var focus = result.Bundle.Entry.Single(e => e.FullUrl == header.Focus[0].Reference);
        Assert.Equal(focusType, focus.Resource.TypeName);
        Assert.DoesNotContain(result.Report.Issues, i => i.Code == MappingIssueCodes.UnsupportedMessage);
        Assert.Single(All<Provenance>(result));
    }

    [Fact]
    public void Translate_OrmO01_ServiceRequestWithReasonSupportingInfoAndNote()
    {
        var result = Golden("ORM/orm-o01-lipid.hl7");
        var request = All<ServiceRequest>(result).Single();
        Assert.Equal(RequestStatus.Active, request.Status);
        Assert.Equal("PL7001", request.Identifier.Single(i => i.Type.Coding[0].Code == "PLAC").Value);
        Assert.Equal("urn:oid:2.16.840.1.113883.3.9999.5", request.Identifier[0].System);
        var condition = result.Bundle.Entry.Single(e => e.FullUrl == request.ReasonReference.Single().Reference).Resource;
        Assert.IsType<Condition>(condition);
        var observation = result.Bundle.Entry.Single(e => e.FullUrl == request.SupportingInfo.Single().Reference).Resource;
        Assert.Equal("49541-6", ((Observation)observation).Code.Coding[0].Code);
        Assert.Equal("Patient fasting since midnight", request.Note.Single().Text);
    }

    [Fact]
    public void Translate_OrmCancelControl_ServiceRequestRevoked()
    {
        var text = Replace("ORM/orm-o01-lipid.hl7", "ORC|NW|", "ORC|CA|").Replace("|ORM0001|", "|ORM0002|", StringComparison.Ordinal);
        var request = All<ServiceRequest>(TestFiles.Translate(text)).Single();
        Assert.Equal(RequestStatus.Active, request.Status); // CA = cancel *request* (reference §5.6): still active
        var discontinued = All<ServiceRequest>(TestFiles.Translate(Replace("ORM/orm-o01-lipid.hl7", "ORC|NW|", "ORC|DC|"))).Single();
        Assert.Equal(RequestStatus.Revoked, discontinued.Status);
    }

    [Fact]
    public void Translate_RdeO11_OrderBasedOnOriginalOrderWithDoseRouteAndTiming()
    {
        var requests = All<MedicationRequest>(Golden("RDE/rde-o11-amlodipine.hl7"));
        Assert.Equal(2, requests.Count);
        var original = requests.Single(r => r.Intent == MedicationRequest.MedicationRequestIntent.OriginalOrder);
        var order = requests.Single(r => r.Intent == MedicationRequest.MedicationRequestIntent.Order);
        Assert.NotEqual(original.Id, order.Id);
        Assert.Equal(MedicationRequest.MedicationrequestStatus.Active, order.Status);
        Assert.Equal("197361", ((CodeableConcept)order.Medication).Coding[0].Code);
        var dosage = order.DosageInstruction.Single();
        Assert.Equal("PO", dosage.Route.Coding[0].Code);
        Assert.Equal(5m, ((Quantity)dosage.DoseAndRate[0].Dose).Value);
        Assert.Equal("QD", dosage.Timing.Code.Coding[0].Code);
        Assert.Equal("Take in the morning", dosage.Text);
        Assert.Equal(30m, order.DispenseRequest.Quantity.Value);
        Assert.Equal(2, order.DispenseRequest.NumberOfRepeatsAllowed);
        Assert.Contains(order.Identifier, i => i.Value == "RX123456");
        Assert.Single(order.BasedOn);
    }

    [Fact]
    public void Translate_RdeDiscontinueStatus_Stopped()
    {
        var text = Replace("RDE/rde-o11-amlodipine.hl7", "ORC|NW|", "ORC|DC|");
        var order = All<MedicationRequest>(TestFiles.Translate(text)).Single(r => r.Intent == MedicationRequest.MedicationRequestIntent.Order);
        Assert.Equal(MedicationRequest.MedicationrequestStatus.Stopped, order.Status);
    }

    [Fact]
    public void Translate_SiuS12_BookedWithStartEndAndParticipants()
    {
        var appointment = All<Appointment>(Golden("SIU/siu-s12-booked.hl7")).Single();
        Assert.Equal(Appointment.AppointmentStatus.Booked, appointment.Status);
        Assert.Equal("2024-04-10T14:00:00-05:00", appointment.StartElement.Value!.Value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(30, appointment.MinutesDuration);
        Assert.Equal(appointment.StartElement.Value!.Value.AddMinutes(30), appointment.EndElement.Value);
        Assert.Equal("Bring medication list", appointment.Comment);
        Assert.Equal(3, appointment.Participant.Count); // patient, AIP practitioner, AIL location
        Assert.Equal("99213", appointment.ServiceType.Single().Coding[0].Code);
    }

    [Fact]
    public void Translate_SiuS12ThenS15_SameAppointmentIdCancelled()
    {
        var booked = All<Appointment>(Golden("SIU/siu-s12-booked.hl7")).Single();
        var cancelled = All<Appointment>(Golden("SIU/siu-s15-cancelled.hl7")).Single();
        Assert.Equal(booked.Id, cancelled.Id);
        Assert.Equal(Appointment.AppointmentStatus.Cancelled, cancelled.Status);
        Assert.All(cancelled.Participant.Skip(1), p => Assert.Equal(ParticipationStatus.Declined, p.Status));
    }

    [Theory]
    [InlineData("S15", Appointment.AppointmentStatus.Cancelled)]
    [InlineData("S17", Appointment.AppointmentStatus.EnteredInError)]
    [InlineData("S26", Appointment.AppointmentStatus.Noshow)]
    [InlineData("S14", Appointment.AppointmentStatus.Booked)]
    [InlineData("S13", Appointment.AppointmentStatus.Booked)]
    public void Translate_SiuTriggerWithBookedFillerStatus_StatusFromEvent(string trigger, Appointment.AppointmentStatus expected)
    {
        var text = Replace("SIU/siu-s12-booked.hl7", "SIU^S12^SIU_S12", "SIU^" + trigger + "^SIU_S12");
        Assert.Equal(expected, All<Appointment>(TestFiles.Translate(text)).Single().Status);
    }

    [Fact]
    public void Translate_SiuS12WithoutFillerStatus_BookedFromEvent()
    {
        var text = Replace("SIU/siu-s12-booked.hl7", "||Booked\rNTE", "||\rNTE");
        Assert.Equal(Appointment.AppointmentStatus.Booked, All<Appointment>(TestFiles.Translate(text)).Single().Status);
    }

    [Fact]
    public void Translate_MdmT02_DocumentWithTextAndPdfContent()
    {
        var document = All<DocumentReference>(Golden("MDM/mdm-t02-consult.hl7")).Single();
        Assert.Equal(DocumentReferenceStatus.Current, document.Status);
        Assert.Equal(CompositionStatus.Final, document.DocStatus);
        Assert.Equal("DOC9001", document.MasterIdentifier.Value);
        Assert.Equal(2, document.Content.Count);
        Assert.Equal("Patient seen for follow-up.\nBlood pressure well controlled.", System.Text.Encoding.UTF8.GetString(document.Content[0].Attachment.Data));
        Assert.Equal("application/pdf", document.Content[1].Attachment.ContentType);
        Assert.Single(document.Context.Encounter);
        Assert.Single(document.Author);
    }

    [Fact]
    public void Translate_MdmT11_EnteredInErrorSameId()
    {
        var original = All<DocumentReference>(Golden("MDM/mdm-t02-consult.hl7")).Single();
        var cancel = All<DocumentReference>(TestFiles.Translate(Replace("MDM/mdm-t02-consult.hl7", "MDM^T02^MDM_T02", "MDM^T11^MDM_T01"))).Single();
        Assert.Equal(DocumentReferenceStatus.EnteredInError, cancel.Status);
        Assert.Equal(original.Id, cancel.Id);
    }

    [Fact]
    public void Translate_RefI12_ReferralTaskAndProviders()
    {
        var result = Golden("REF/ref-i12-cardiology.hl7");
        var referral = All<ServiceRequest>(result).Single();
        Assert.Equal("3457005", referral.Category[0].Coding[0].Code);
        Assert.Equal(RequestStatus.Active, referral.Status);
        Assert.Equal(RequestPriority.Routine, referral.Priority);
        Assert.Equal("RF5001", referral.Identifier.Single().Value);
        Assert.Equal("Exertional chest pain for 3 months", referral.Note.Single().Text);
        Assert.Single(referral.ReasonReference);
        var task = All<Hl7.Fhir.Model.Task>(result).Single();
        Assert.Equal(Hl7.Fhir.Model.Task.TaskStatus.Requested, task.Status);
        Assert.Equal(referral.Requester.Reference, task.Requester.Reference);
        Assert.Equal(referral.Performer.Single().Reference, task.Owner.Reference);
        Assert.NotEqual(referral.Requester.Reference, task.Owner.Reference);
    }

    [Fact]
    public void Translate_VxuV04_ImmunizationWithObservationPartOf()
    {
        var result = Golden("VXU/vxu-v04-hepb.hl7");
        var immunization = All<Immunization>(result).Single();
        Assert.Equal(Immunization.ImmunizationStatusCodes.Completed, immunization.Status);
        Assert.Equal("http://hl7.org/fhir/sid/cvx", immunization.VaccineCode.Coding[0].System);
        Assert.Equal(0.5m, immunization.DoseQuantity.Value);
        Assert.Equal("LOT123", immunization.LotNumber);
        Assert.Equal("2025-12-31", immunization.ExpirationDate);
        Assert.True(immunization.PrimarySource);
        Assert.Contains(immunization.Performer, p => p.Function.Coding[0].Code == "AP");
        var observation = All<Observation>(result).Single();
        Assert.Equal(result.Bundle.Entry.Single(e => e.Resource == immunization).FullUrl, observation.PartOf.Single().Reference);
    }

    [Fact]
    public void Translate_VxuDeleteActionAndUnknownAmount_EnteredInErrorWithoutDose()
    {
        var text = Replace("VXU/vxu-v04-hepb.hl7", "|0.5|mL^milliliter^UCUM|", "|999|mL^milliliter^UCUM|").Replace("|CP|A\r", "|CP|D\r", StringComparison.Ordinal);
        var immunization = All<Immunization>(TestFiles.Translate(text)).Single();
        Assert.Equal(Immunization.ImmunizationStatusCodes.EnteredInError, immunization.Status);
        Assert.Null(immunization.DoseQuantity);
    }

    [Fact]
    public void Translate_VxuRefused_NotDoneWithReason()
    {
        var text = Replace("VXU/vxu-v04-hepb.hl7", "MSD^Merck^MVX|||CP|A", "MSD^Merck^MVX|00^Parental decision^NIP002||RE|A");
        var immunization = All<Immunization>(TestFiles.Translate(text)).Single();
        Assert.Equal(Immunization.ImmunizationStatusCodes.NotDone, immunization.Status);
        Assert.Equal("00", immunization.StatusReason.Coding[0].Code);
    }
}

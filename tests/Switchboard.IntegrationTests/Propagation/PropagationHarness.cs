using System.Globalization;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Switchboard.Fhir.Rest;
using Switchboard.Functions.Propagation;
using Switchboard.Testing.Servers;

namespace Switchboard.IntegrationTests.Propagation;

/// <summary>Settings and builders shared by the propagation tests: a reminder subscriber per test, synthetic appointments.</summary>
internal static class PropagationHarness
{
    public const string Secret = "reminder-subscriber-secret-0123456789abcdef";
    public const string Source = "test-fhir";

    public static string Subscriber() => "rem" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>The worked example: booked appointments to a reminder webhook, start/status only, current telecom at send time.</summary>
    public static Dictionary<string, string?> Reminders(string subscriber, Uri url, string? condition = "entry.resource.ofType(Appointment).where(status = 'booked').exists()")
    {
        var p = $"Switchboard:Routing:Destinations:{subscriber}:";
        return new Dictionary<string, string?>
        {
            [p + "Type"] = "webhook",
            [p + "RuleId"] = "reminders-v1",
            [p + "Url"] = url.ToString(),
            [p + "Secret"] = Secret,
            [p + "Kinds:0"] = "FhirResource",
            [p + "MessageTypes:0"] = "Appointment",
            [p + "Condition"] = condition,
            [p + "Allow:0"] = "Appointment.start",
            [p + "Allow:1"] = "Appointment.status",
            [p + "IncludeCurrentPatientTelecom"] = "true",
            ["Switchboard:Propagation:WebhookRetries"] = "2",
            ["Switchboard:Propagation:WebhookRetryDelay"] = "00:00:00.020",
            ["Switchboard:Propagation:WebhookMaxRetryDelay"] = "00:00:00.100",
            ["Switchboard:Propagation:WebhookTimeout"] = "00:00:05",
        };
    }

    public static async Task<Patient> CreatePatientAsync(FhirRestClient fhir, string phone)
    {
        var patient = new Patient { Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Mobile, phone)] };
        var written = await fhir.CreateAsync(patient, null, default);
        return (await fhir.ReadAsync<Patient>(written.Location!.Split('/')[1], default))!.Resource;
    }

    /// <summary>Creates the appointment on the FHIR server (as the EHR would) and returns the stored version.</summary>
    public static async Task<Appointment> CreateAppointmentAsync(FhirRestClient fhir, string? patientId, Appointment.AppointmentStatus status = Appointment.AppointmentStatus.Booked)
    {
        var appointment = new Appointment
        {
            Status = status,
            Description = "SYNTHETIC-DESCRIPTION-NOT-ALLOWED",
            Start = new DateTimeOffset(2031, 3, 4, 9, 30, 0, TimeSpan.Zero),
            End = new DateTimeOffset(2031, 3, 4, 10, 0, 0, TimeSpan.Zero),
            Participant = [new Appointment.ParticipantComponent { Actor = new ResourceReference($"Patient/{patientId}"), Status = ParticipationStatus.Accepted }],
        };
        var written = await fhir.CreateAsync(appointment, null, default);
        return (await fhir.ReadAsync<Appointment>(written.Location!.Split('/')[1], default))!.Resource;
    }

    public static JsonObject Json(WebhookReceiver.Received received) => JsonNode.Parse(received.Body)!.AsObject();

    public static long Sequence(JsonNode item) => long.Parse(item["sequence"]!.ToString(), CultureInfo.InvariantCulture);
}

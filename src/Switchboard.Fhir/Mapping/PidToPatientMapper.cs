using Hl7.Fhir.Model;
using Switchboard.Hl7v2;

namespace Switchboard.Fhir.Mapping;

/// <summary>
/// PID (+ PD1) → Patient, IG sheet "Segment PID to Patient" (<c>PID[Patient] - PID.csv</c>). The Patient is the first
/// entry, written by conditional update on its first PID-3 identifier; that identifier also scopes the ids of every
/// patient-owned resource of the message.
/// </summary>
internal static class PidToPatientMapper
{
    public static Patient Map(MappingSession s, Hl7Segment pid, Hl7Segment pd1)
    {
        s.Touch(pid);
        s.Take(pid, 1); // set id: position only
        var patient = new Patient();
        foreach (var field in new[] { 3, 2, 4 })
        {
            foreach (var rep in MappingSession.Field(pid, field).Repetitions)
            {
                if (s.Cx(rep, field == 3 ? "MR" : field == 2 ? "PT" : "PI") is { } identifier)
                {
                    patient.Identifier.Add(identifier);
                }
            }
        }

        foreach (var field in new[] { 5, 9 })
        {
            foreach (var rep in MappingSession.Field(pid, field).Repetitions)
            {
                if (s.Xpn(rep) is { } name)
                {
                    patient.Name.Add(name);
                }
            }
        }

        var mother = MappingSession.Field(pid, 6);
        if (mother.HasValue && s.Xpn(mother.Repetition(1)) is { Family: { } maiden })
        {
            patient.Extension.Add(new Extension("http://hl7.org/fhir/StructureDefinition/patient-mothersMaidenName", new FhirString(maiden)));
        }

        var birth = s.Take(pid, 7);
        if (s.TryDateTime(birth, out var birthTime))
        {
            patient.BirthDateElement = s.Date(birth);
            if (birthTime.Precision >= Hl7DateTimePrecision.Hour)
            {
                patient.BirthDateElement!.Extension.Add(new Extension("http://hl7.org/fhir/StructureDefinition/patient-birthTime", new FhirDateTime(s.FormatDateTime(birthTime))));
            }
        }

        var sex = s.Text(pid, 8);
        if (s.Lookup("AdministrativeSex", sex, "PID-8") is { } gender && Enum.TryParse<AdministrativeGender>(gender.Code, true, out var g))
        {
            patient.Gender = g;
        }

        foreach (var rep in MappingSession.Field(pid, 11).Repetitions)
        {
            if (s.Xad(rep) is { } address)
            {
                patient.Address.Add(address);
            }
        }

        var county = s.Text(pid, 12);
        if (county.Length > 0 && patient.Address.Count == 1 && patient.Address[0].District is null)
        {
            patient.Address[0].District = county;
        }
        else if (county.Length > 0)
        {
            patient.Address.Add(new Address { District = county });
        }

        foreach (var (field, use) in new[] { (13, ContactPoint.ContactPointUse.Home), (14, ContactPoint.ContactPointUse.Work), (40, ContactPoint.ContactPointUse.Home) })
        {
            foreach (var rep in MappingSession.Field(pid, field).Repetitions)
            {
                if (s.Xtn(rep, use) is { } telecom)
                {
                    patient.Telecom.Add(telecom);
                }
            }
        }

        var language = MappingSession.Field(pid, 15);
        if (language.HasValue && s.Cwe(language) is { } lang)
        {
            patient.Communication.Add(new Patient.CommunicationComponent { Language = lang, Preferred = true });
        }

        var marital = MappingSession.Field(pid, 16);
        var maritalCode = s.CompText(marital, 1);
        if (maritalCode.Length > 0)
        {
            s.MarkComponents(marital, 2, 3);
            if (s.Context.Vocabulary.TryTranslate("MaritalStatus", maritalCode, out var m) || s.Context.Vocabulary.TryTranslate("MaritalStatusNull", maritalCode, out m))
            {
                patient.MaritalStatus = new CodeableConcept(m.System, m.Code);
            }
            else
            {
                s.Issue(MappingIssueCodes.UnmappedCode, MappingSeverity.Warning, "PID-16", "Code not in the MaritalStatus map: kept as a local coding.");
                patient.MaritalStatus = new CodeableConcept(s.LocalSystem("v2-0002", "0002"), maritalCode);
            }
        }

        var religion = MappingSession.Field(pid, 17);
        if (religion.HasValue && s.Cwe(religion) is { } r)
        {
            patient.Extension.Add(new Extension("http://hl7.org/fhir/StructureDefinition/patient-religion", r));
        }

        var ssn = s.Text(pid, 19);
        if (ssn.Length > 0)
        {
            patient.Identifier.Add(new Identifier("http://hl7.org/fhir/sid/us-ssn", ssn) { Type = new CodeableConcept(MappingSession.V2System + "0203", "SS") });
        }

        var dln = MappingSession.Field(pid, 20);
        var license = s.CompText(dln, 1);
        if (license.Length > 0)
        {
            var state = s.CompText(dln, 2);
            patient.Identifier.Add(new Identifier(s.LocalSystem("dln", state.Length > 0 ? state : "default"), license)
            {
                Type = new CodeableConcept(MappingSession.V2System + "0203", "DL"),
            });
            s.MarkComponents(dln, 3);
        }

        var birthPlace = s.Text(pid, 23);
        if (birthPlace.Length > 0)
        {
            patient.Extension.Add(new Extension("http://hl7.org/fhir/StructureDefinition/patient-birthPlace", new Address { Text = birthPlace }));
        }

        var multiple = s.Text(pid, 24);
        var order = s.Take(pid, 25);
        if (order.TryGetInt32(out var birthOrder))
        {
            patient.MultipleBirth = new Integer(birthOrder);
        }
        else if (multiple is "Y" or "N")
        {
            patient.MultipleBirth = new FhirBoolean(multiple == "Y");
        }

        var deathTime = s.Take(pid, 29);
        var deceased = s.Text(pid, 30);
        if (s.DateTime(deathTime) is { } died)
        {
            patient.Deceased = died;
        }
        else if (deceased is "Y" or "N")
        {
            patient.Deceased = new FhirBoolean(deceased == "Y");
        }

        MapRaceAndEthnicity(s, pid, patient);
        if (pd1.Exists)
        {
            s.Touch(pd1);
            foreach (var rep in MappingSession.Field(pd1, 4).Repetitions)
            {
                if (s.Xcn(rep) is { } gp)
                {
                    patient.GeneralPractitioner.Add(gp);
                }
            }
        }

        return patient;
    }

    // PID-10 / PID-22 are not in core FHIR: kept as codings in the US Core race/ethnicity extensions' shape ("text" only when uncoded).
    private static void MapRaceAndEthnicity(MappingSession s, Hl7Segment pid, Patient patient)
    {
        foreach (var (field, url) in new[] { (10, "http://hl7.org/fhir/us/core/StructureDefinition/us-core-race"), (22, "http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity") })
        {
            var extension = new Extension { Url = url };
            var text = new List<string>();
            foreach (var rep in MappingSession.Field(pid, field).Repetitions)
            {
                if (s.Cwe(rep) is not { } concept)
                {
                    continue;
                }

                foreach (var coding in concept.Coding)
                {
                    extension.Extension.Add(new Extension("ombCategory", coding));
                }

                text.Add(concept.Coding.FirstOrDefault()?.Display ?? concept.Text ?? concept.Coding.FirstOrDefault()?.Code ?? string.Empty);
            }

            if (text.Count > 0)
            {
                extension.Extension.Add(new Extension("text", new FhirString(string.Join(", ", text))));
                patient.Extension.Add(extension);
            }
        }
    }
}

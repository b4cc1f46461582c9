using Hl7.Fhir.Model;
using Switchboard.Hl7v2;

namespace Switchboard.Fhir.Mapping;

/// <summary>
/// NK1 → RelatedPerson and Patient.contact, IG sheets <c>NK1[RelatedPerson]</c> / <c>NK1[Patient]</c>: a person
/// (NK1-3 not in EMR/E/F/I/S) becomes a RelatedPerson and a contact; an employer, agency or insurer only a contact.
/// </summary>
internal static class Nk1ToRelatedPersonMapper
{
    private static readonly HashSet<string> OrganizationRelationships = new(StringComparer.Ordinal) { "EMR", "E", "F", "I", "S" };

    public static void Map(MappingSession s, Hl7Segment nk1, Patient patient, int index)
    {
        s.Touch(nk1);
        var contact = new Patient.ContactComponent();
        var person = new RelatedPerson { Patient = s.PatientReference! };
        foreach (var rep in MappingSession.Field(nk1, 2).Repetitions)
        {
            if (s.Xpn(rep) is { } name)
            {
                person.Name.Add(name);
                contact.Name ??= name;
            }
        }

        var relationship = MappingSession.Field(nk1, 3);
        var relationshipCode = s.CompText(relationship, 1);
        s.MarkComponents(relationship, 2, 3);
        if (relationshipCode.Length > 0)
        {
            var coding = s.MapCoding("Relationship", "0063", relationshipCode, "NK1-3");
            var display = relationship.Component(2).Value;
            if (coding is not null && display.Length > 0)
            {
                coding.Display = display;
            }

            var concept = new CodeableConcept { Coding = [coding!] };
            person.Relationship.Add(concept);
            contact.Relationship.Add(concept);
        }

        var role = MappingSession.Field(nk1, 7);
        if (role.HasValue && s.Cwe(role) is { } roleConcept)
        {
            person.Relationship.Add(roleConcept);
            contact.Relationship.Add(roleConcept);
        }

        foreach (var rep in MappingSession.Field(nk1, 4).Repetitions)
        {
            if (s.Xad(rep) is { } address)
            {
                person.Address.Add(address);
                contact.Address ??= address;
            }
        }

        foreach (var (field, use) in new[] { (5, ContactPoint.ContactPointUse.Home), (6, ContactPoint.ContactPointUse.Work), (40, ContactPoint.ContactPointUse.Home) })
        {
            foreach (var rep in MappingSession.Field(nk1, field).Repetitions)
            {
                if (s.Xtn(rep, use) is { } telecom)
                {
                    person.Telecom.Add(telecom);
                    contact.Telecom.Add(telecom);
                }
            }
        }

        var start = s.DateTime(s.Take(nk1, 8));
        var end = s.DateTime(s.Take(nk1, 9));
        if (start is not null || end is not null)
        {
            person.Period = new Period { StartElement = start, EndElement = end };
            contact.Period = person.Period;
        }

        var sex = s.Text(nk1, 15);
        if (s.Lookup("AdministrativeSex", sex, "NK1-15") is { } g && Enum.TryParse<AdministrativeGender>(g.Code, true, out var gender))
        {
            person.Gender = gender;
            contact.Gender = gender;
        }

        var birth = s.Take(nk1, 16);
        person.BirthDateElement = s.Date(birth);
        s.Text(nk1, 1);
        var organization = MappingSession.Field(nk1, 13);
        var organizationName = s.CompText(organization, 1);
        if (organizationName.Length > 0)
        {
            contact.Organization = s.Add(new Organization { Name = organizationName }, "org:" + organizationName);
        }

        patient.Contact.Add(contact);
        if (!OrganizationRelationships.Contains(relationshipCode) && (person.Name.Count > 0 || person.Telecom.Count > 0))
        {
            s.Add(person, s.ScopedKey("NK1", index.ToString(System.Globalization.CultureInfo.InvariantCulture), person.Name.FirstOrDefault()?.Family ?? string.Empty));
        }
    }
}

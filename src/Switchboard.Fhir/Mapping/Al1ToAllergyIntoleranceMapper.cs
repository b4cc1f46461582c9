using Hl7.Fhir.Model;
using Switchboard.Hl7v2;

namespace Switchboard.Fhir.Mapping;

/// <summary>AL1 → AllergyIntolerance, IG sheet <c>AL1[AllergyIntolerance]</c>; AL1-4 goes to reaction severity and, for SV/MI, criticality.</summary>
internal static class Al1ToAllergyIntoleranceMapper
{
    public static void Map(MappingSession s, Hl7Segment al1)
    {
        s.Touch(al1);
        var allergy = new AllergyIntolerance
        {
            Patient = s.PatientReference!,
            ClinicalStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active"),
        };
        var type = MappingSession.Field(al1, 2);
        var typeCode = s.CompText(type, 1);
        s.MarkComponents(type, 2, 3);
        if (typeCode.Length > 0)
        {
            if (s.Lookup("AllergenCategory", typeCode, "AL1-2") is { } category && Hl7.Fhir.Utility.EnumUtility.ParseLiteral<AllergyIntolerance.AllergyIntoleranceCategory>(category.Code) is { } c)
            {
                allergy.Category = [c];
            }

            allergy.Type = typeCode == "MC" ? AllergyIntolerance.AllergyIntoleranceType.Intolerance : AllergyIntolerance.AllergyIntoleranceType.Allergy;
        }

        var code = MappingSession.Field(al1, 3);
        allergy.Code = s.Cwe(code);
        var severity = MappingSession.Field(al1, 4);
        var severityCode = s.CompText(severity, 1);
        s.MarkComponents(severity, 2, 3);
        AllergyIntolerance.AllergyIntoleranceSeverity? reactionSeverity = null;
        if (severityCode.Length > 0)
        {
            if (s.Lookup("AllergySeverity", severityCode, "AL1-4") is { } sev)
            {
                reactionSeverity = Hl7.Fhir.Utility.EnumUtility.ParseLiteral<AllergyIntolerance.AllergyIntoleranceSeverity>(sev.Code);
            }

            if (s.Context.Vocabulary.TryTranslate("AllergyCriticality", severityCode, out var crit))
            {
                allergy.Criticality = Hl7.Fhir.Utility.EnumUtility.ParseLiteral<AllergyIntolerance.AllergyIntoleranceCriticality>(crit.Code);
            }
        }

        var manifestations = new List<CodeableConcept>();
        foreach (var rep in MappingSession.Field(al1, 5).Repetitions)
        {
            var text = rep.Value;
            s.MarkComponents(rep, 1, 2, 3);
            if (text.Length > 0)
            {
                manifestations.Add(new CodeableConcept { Text = text });
            }
        }

        if (manifestations.Count > 0)
        {
            allergy.Reaction.Add(new AllergyIntolerance.ReactionComponent { Manifestation = manifestations, Severity = reactionSeverity });
        }

        var onset = s.DateTime(s.Take(al1, 6));
        if (onset is not null)
        {
            allergy.Onset = onset;
        }

        s.Text(al1, 1);
        var key = allergy.Code?.Coding.FirstOrDefault() is { } coding ? coding.System + "|" + coding.Code : allergy.Code?.Text ?? al1.Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture);
        s.Add(allergy, s.ScopedKey("AL1", key));
    }
}

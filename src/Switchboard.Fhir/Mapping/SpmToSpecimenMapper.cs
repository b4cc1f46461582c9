using Hl7.Fhir.Model;
using Switchboard.Hl7v2;

namespace Switchboard.Fhir.Mapping;

/// <summary>SPM → Specimen, IG sheet <c>SPM[Specimen]</c>: identifiers, type, collection (method, site, time, quantity), received time.</summary>
internal static class SpmToSpecimenMapper
{
    public static ResourceReference Map(MappingSession s, Hl7Segment spm, string reportKey)
    {
        s.Touch(spm);
        var specimen = new Specimen { Subject = s.PatientReference };
        var id = MappingSession.Field(spm, 2);
        var placer = s.Comp(id, 1);
        var filler = s.Comp(id, 2);
        foreach (var (part, type) in new[] { (placer, "PLAC"), (filler, "FILL") })
        {
            var value = part.SubComponent(1).Value;
            if (value.Length > 0)
            {
                specimen.Identifier.Add(new Identifier(s.LocalSystem("specimen", type), value) { Type = new CodeableConcept(MappingSession.V2System + "0203", type) });
            }
        }

        specimen.Type = s.Cwe(MappingSession.Field(spm, 4));
        var collection = new Specimen.CollectionComponent();
        var method = MappingSession.Field(spm, 7);
        if (method.HasValue)
        {
            collection.Method = s.Cwe(method);
        }

        var site = MappingSession.Field(spm, 8);
        if (site.HasValue)
        {
            collection.BodySite = s.Cwe(site);
        }

        var time = MappingSession.Field(spm, 17);
        var start = s.DateTime(s.Comp(time, 1));
        var end = s.DateTime(s.Comp(time, 2));
        collection.Collected = end is null ? start : new Period { StartElement = start, EndElement = end };
        var quantity = MappingSession.Field(spm, 12);
        if (s.Number(s.Comp(quantity, 1)) is { } amount)
        {
            collection.Quantity = ObxToObservationMapper.Quantity(s, amount, quantity.Component(2));
            s.MarkComponents(quantity, 2);
        }

        if (collection.EnumerateElements().Any())
        {
            specimen.Collection = collection;
        }

        var received = s.DateTime(s.Take(spm, 18));
        if (received is not null)
        {
            specimen.ReceivedTimeElement = received;
        }

        s.Take(spm, 1);
        var key = specimen.Identifier.FirstOrDefault()?.Value ?? reportKey + "\u001f" + s.Text(spm, 1);
        return s.Add(specimen, s.ScopedKey("SPM", key));
    }
}

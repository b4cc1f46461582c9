using System.Globalization;
using System.Text;
using Hl7.Fhir.Model;
using Switchboard.Hl7v2;

namespace Switchboard.Fhir.Mapping;

/// <summary>Datatype maps (IG <c>mappings/datatypes</c>): CX, HD, EI, XPN, XAD, XTN, CWE, DTM/TS, XCN, NM.</summary>
internal sealed partial class MappingSession
{
    public const string V2System = "http://terminology.hl7.org/CodeSystem/v2-";

    /// <summary>A source-scoped URN for things the source names but no map resolves (never a bare name).</summary>
    public string LocalSystem(string kind, string name) => "urn:switchboard:" + Uri.EscapeDataString(Source) + ":" + kind + ":" + Uri.EscapeDataString(name);

    // ---- HD → uri (Identifier.system) ----------------------------------------------------------------------------

    /// <summary>
    /// HD[uri]: HD.2 with HD.3 ISO → <c>urn:oid:</c>, UUID → <c>urn:uuid:</c>, URI → as is; then the source's
    /// configured system for HD.1; an HD.1 that is itself a URI or OID; else a source-scoped URN and MAP011.
    /// </summary>
    public string IdentifierSystem(Hl7Value hd, At position, string? fallbackName = null)
    {
        var ns = HdPart(hd, 1);
        var uid = HdPart(hd, 2);
        var type = HdPart(hd, 3);
        if (uid.Length > 0)
        {
            switch (type)
            {
                case "ISO" when IsOid(uid):
                    return "urn:oid:" + uid;
                case "UUID" when Guid.TryParse(uid, out _):
                    return "urn:uuid:" + uid;
                case "URI":
                    return uid;
                default:
                    break;
            }
        }

        if (ns.Length > 0 && Context.Options.IdentifierSystems.TryGetValue(ns, out var configured))
        {
            return configured;
        }

        if (uid.Length > 0 && Context.Options.IdentifierSystems.TryGetValue(uid, out configured))
        {
            return configured;
        }

        if (ns.StartsWith("urn:", StringComparison.Ordinal) || ns.StartsWith("http://", StringComparison.Ordinal) || ns.StartsWith("https://", StringComparison.Ordinal))
        {
            return ns;
        }

        if (IsOid(ns))
        {
            return "urn:oid:" + ns;
        }

        if (IsOid(uid))
        {
            return "urn:oid:" + uid;
        }

        var name = ns.Length > 0 ? ns : uid.Length > 0 ? uid : fallbackName ?? "default";
        Issue(MappingIssueCodes.UnresolvedIdentifierSystem, MappingSeverity.Warning, position,
            "The assigning authority resolves to no identifier system (no OID, no configured system): a source-scoped URN is used.");
        return LocalSystem("id", name);
    }

    // An HD is a field (MSH-4: HD.n are components) or a component (CX.4: HD.n are sub-components).
    private static string HdPart(Hl7Value hd, int n) =>
        hd.Level == Hl7ValueLevel.Component ? hd.SubComponent(n).Value : hd.Component(n).Value;

    // FHIR's oid pattern: urn:oid:[0-2](\.(0|[1-9][0-9]*))+ — anything else is not emitted as urn:oid.
    internal static bool IsOid(string text)
    {
        if (text.Length < 3 || text[0] is < '0' or > '2' || text[1] != '.')
        {
            return false;
        }

        foreach (var arc in text.AsSpan(2).ToString().Split('.'))
        {
            if (arc.Length == 0 || arc.AsSpan().IndexOfAnyExceptInRange('0', '9') >= 0 || (arc.Length > 1 && arc[0] == '0'))
            {
                return false;
            }
        }

        return true;
    }

    // ---- CX → Identifier -------------------------------------------------------------------------------------------

    /// <summary>CX[Identifier]: CX.1 value, CX.4 system (HD[uri]), CX.5 type (v2-0203), CX.7/8 period.</summary>
    public Identifier? Cx(Hl7Value cx, string? typeCode = null)
    {
        var value = CompText(cx, 1);
        if (value.Length == 0)
        {
            return null;
        }

        var type = CompText(cx, 5).Trim();
        var identifier = new Identifier { Value = value };
        identifier.System = IdentifierSystem(Comp(cx, 4), At(cx, 4), type.Length > 0 ? type : typeCode);
        var code = type.Length > 0 ? type : typeCode;
        if (code is not null)
        {
            identifier.Type = new CodeableConcept(V2System + "0203", code);
        }

        var start = DateTime(Comp(cx, 7));
        var end = DateTime(Comp(cx, 8));
        if (start is not null || end is not null)
        {
            identifier.Period = new Period { StartElement = start, EndElement = end };
        }

        MarkComponents(cx, 2, 3, 6);
        return identifier;
    }

    /// <summary>EI[Identifier-System]: EI.1 value; EI.2/EI.3/EI.4 (as an HD) → system.</summary>
    public Identifier? Ei(Hl7Value ei, string? typeCode = null)
    {
        var value = CompText(ei, 1);
        if (value.Length == 0)
        {
            return null;
        }

        var ns = CompText(ei, 2);
        var uid = CompText(ei, 3);
        var uidType = CompText(ei, 4);
        var system = ResolveEiSystem(ns, uid, uidType, At(ei, 2));
        var identifier = new Identifier(system, value);
        if (typeCode is not null)
        {
            identifier.Type = new CodeableConcept(V2System + "0203", typeCode);
        }

        return identifier;
    }

    private string ResolveEiSystem(string ns, string uid, string uidType, At position)
    {
        if (uidType == "ISO" && IsOid(uid))
        {
            return "urn:oid:" + uid;
        }

        if (uidType == "UUID" && Guid.TryParse(uid, out _))
        {
            return "urn:uuid:" + uid;
        }

        if (ns.Length > 0 && Context.Options.IdentifierSystems.TryGetValue(ns, out var configured))
        {
            return configured;
        }

        if (IsOid(uid))
        {
            return "urn:oid:" + uid;
        }

        if (ns.StartsWith("urn:", StringComparison.Ordinal) || ns.StartsWith("http", StringComparison.Ordinal))
        {
            return ns;
        }

        Issue(MappingIssueCodes.UnresolvedIdentifierSystem, MappingSeverity.Warning, position,
            "The entity identifier's assigning authority resolves to no system: a source-scoped URN is used.");
        return LocalSystem("id", ns.Length > 0 ? ns : uid.Length > 0 ? uid : "entity");
    }

    // ---- XPN → HumanName -------------------------------------------------------------------------------------------

    public HumanName? Xpn(Hl7Value xpn)
    {
        var family = Comp(xpn, 1).SubComponent(1).Value;
        var given = CompText(xpn, 2);
        var middle = CompText(xpn, 3);
        var suffix = CompText(xpn, 4);
        var prefix = CompText(xpn, 5);
        var degree = CompText(xpn, 6);
        var type = CompText(xpn, 7);
        if (family.Length == 0 && given.Length == 0 && middle.Length == 0)
        {
            return null;
        }

        var name = HumanNameOf(family, given, middle, prefix, suffix);
        if (degree.Length > 0)
        {
            name.SuffixElement.Add(new FhirString(degree));
        }

        if (type.Length > 0)
        {
            if (Lookup("NameUse", type, At(xpn, 7)) is { } use && Enum.TryParse<HumanName.NameUse>(use.Code, true, out var u))
            {
                name.Use = u;
            }
        }

        var start = DateTime(Comp(xpn, 12));
        var end = DateTime(Comp(xpn, 13));
        if (start is not null || end is not null)
        {
            name.Period = new Period { StartElement = start, EndElement = end };
        }

        return name;
    }

    // ---- XAD → Address ---------------------------------------------------------------------------------------------

    public Address? Xad(Hl7Value xad)
    {
        var street = Comp(xad, 1).SubComponent(1).Value;
        var other = CompText(xad, 2);
        var city = CompText(xad, 3);
        var state = CompText(xad, 4);
        var zip = CompText(xad, 5);
        var country = CompText(xad, 6);
        var type = CompText(xad, 7);
        var district = CompText(xad, 9);
        if (street.Length == 0 && other.Length == 0 && city.Length == 0 && state.Length == 0 && zip.Length == 0 && country.Length == 0 && district.Length == 0)
        {
            return null;
        }

        var address = new Address
        {
            City = Null(city),
            State = Null(state),
            PostalCode = Null(zip),
            Country = Null(country),
            District = Null(district),
        };
        if (street.Length > 0)
        {
            address.LineElement.Add(new FhirString(street));
        }

        if (other.Length > 0)
        {
            address.LineElement.Add(new FhirString(other));
        }

        if (type.Length > 0)
        {
            if (Context.Vocabulary.TryTranslate("AddressUse", type, out var use) && Enum.TryParse<Address.AddressUse>(use.Code, true, out var u))
            {
                address.Use = u;
            }
            else if (Context.Vocabulary.TryTranslate("AddressType", type, out var t) && Enum.TryParse<Address.AddressType>(t.Code, true, out var at))
            {
                address.Type = at;
            }
            else
            {
                Issue(MappingIssueCodes.UnmappedCode, MappingSeverity.Warning, At(xad, 7), "Address type not in AddressUse/AddressType maps.");
            }
        }

        var start = DateTime(Comp(xad, 13));
        var end = DateTime(Comp(xad, 14));
        if (start is not null || end is not null)
        {
            address.Period = new Period { StartElement = start, EndElement = end };
        }

        return address;
    }

    // ---- XTN → ContactPoint ----------------------------------------------------------------------------------------

    public ContactPoint? Xtn(Hl7Value xtn, ContactPoint.ContactPointUse? defaultUse)
    {
        var text = CompText(xtn, 1);
        var useCode = CompText(xtn, 2);
        var equipment = CompText(xtn, 3);
        var email = CompText(xtn, 4);
        var country = CompText(xtn, 5);
        var area = CompText(xtn, 6);
        var local = CompText(xtn, 7);
        var extension = CompText(xtn, 8);
        var unformatted = CompText(xtn, 12);
        var contact = new ContactPoint();
        if (equipment.Length > 0)
        {
            if (Lookup("TelecomEquipment", equipment, At(xtn, 3)) is { } system && Enum.TryParse<ContactPoint.ContactPointSystem>(system.Code, true, out var s))
            {
                contact.System = s;
            }

            if (equipment == "CP")
            {
                contact.Use = ContactPoint.ContactPointUse.Mobile;
            }
        }
        else if (email.Length > 0)
        {
            contact.System = ContactPoint.ContactPointSystem.Email;
        }
        else
        {
            contact.System = ContactPoint.ContactPointSystem.Phone;
        }

        string value;
        if (contact.System == ContactPoint.ContactPointSystem.Email)
        {
            value = email.Length > 0 ? email : text;
        }
        else if (unformatted.Length > 0)
        {
            value = unformatted;
        }
        else if (local.Length > 0)
        {
            var sb = new StringBuilder();
            if (country.Length > 0)
            {
                sb.Append('+').Append(country).Append(' ');
            }

            if (area.Length > 0)
            {
                sb.Append('(').Append(area).Append(") ");
            }

            sb.Append(local);
            if (extension.Length > 0)
            {
                sb.Append(" X").Append(extension);
            }

            value = sb.ToString();
        }
        else
        {
            value = text;
        }

        if (value.Length == 0)
        {
            return null;
        }

        contact.Value = value;
        if (contact.Use is null)
        {
            if (useCode.Length > 0 && Lookup("TelecomUse", useCode, At(xtn, 2)) is { } use && Enum.TryParse<ContactPoint.ContactPointUse>(use.Code, true, out var u))
            {
                contact.Use = u;
            }
            else if (useCode.Length == 0)
            {
                contact.Use = defaultUse;
            }
        }

        if (Comp(xtn, 18).TryGetInt32(out var rank) && rank > 0)
        {
            contact.Rank = rank;
        }

        return contact;
    }

    // ---- CWE → CodeableConcept -------------------------------------------------------------------------------------

    /// <summary>CWE[CodeableConcept]: up to three triplets, original text in CWE.9; CWE.3 names become URIs.</summary>
    public CodeableConcept? Cwe(Hl7Value cwe)
    {
        var concept = new CodeableConcept();
        AddTriplet(concept, cwe, 1, 2, 3, 7);
        AddTriplet(concept, cwe, 4, 5, 6, 8);
        AddTriplet(concept, cwe, 10, 11, 12, 13);
        var original = CompText(cwe, 9);
        if (original.Length > 0)
        {
            concept.Text = original;
        }
        else if (concept.Coding.Count == 0 && CompText(cwe, 2) is { Length: > 0 } display)
        {
            concept.Text = display;
        }

        return concept.Coding.Count == 0 && concept.Text is null ? null : concept;
    }

    private void AddTriplet(CodeableConcept concept, Hl7Value cwe, int codeAt, int displayAt, int systemAt, int versionAt)
    {
        // FHIR codes allow no leading/trailing whitespace; senders pad them (" V02", "NPI ").
        var code = CompText(cwe, codeAt).Trim();
        var display = CompText(cwe, displayAt);
        var systemName = CompText(cwe, systemAt);
        var version = CompText(cwe, versionAt);
        if (code.Length == 0)
        {
            if (display.Length > 0 && concept.Text is null && codeAt > 1)
            {
                concept.Text = display;
            }

            return;
        }

        var coding = new Coding { Code = code, Display = Null(display), Version = Null(version) };
        if (systemName.Length > 0)
        {
            coding.System = CodingSystem(systemName, At(cwe, systemAt));
        }

        concept.Coding.Add(coding);
    }

    /// <summary>A v2 coding-system name (CWE.3, table 0396) as a URI.</summary>
    public string CodingSystem(string name, At position)
    {
        if (Context.Options.CodingSystems.TryGetValue(name, out var configured))
        {
            return configured;
        }

        if (Context.Vocabulary.TryTranslate("CodingSystems", name, out var mapped))
        {
            return mapped.Code;
        }

        if (name.Length == 7 && name.StartsWith("HL7", StringComparison.Ordinal) && name.AsSpan(3).IndexOfAnyExceptInRange('0', '9') < 0)
        {
            return V2System + name[3..];
        }

        if (name.StartsWith("urn:", StringComparison.Ordinal) || name.StartsWith("http", StringComparison.Ordinal))
        {
            return name;
        }

        if (IsOid(name))
        {
            return "urn:oid:" + name;
        }

        Issue(MappingIssueCodes.UnresolvedCodingSystem, MappingSeverity.Warning, position,
            "The coding system name resolves to no URI: a source-scoped URN is used.");
        return LocalSystem("codesystem", name);
    }

    /// <summary>Looks a v2 code up in a vocabulary map; reports MAP010 when it has no row.</summary>
    public Vocabulary.MappedCode? Lookup(string mapId, string code, At position)
    {
        if (code.Length == 0)
        {
            return null;
        }

        if (Context.Vocabulary.TryTranslate(mapId, code, out var mapped))
        {
            return mapped;
        }

        Issue(MappingIssueCodes.UnmappedCode, MappingSeverity.Warning, position, "Code not in the " + mapId + " map: kept as a local coding.");
        return null;
    }

    /// <summary>A table-coded value as a Coding: the mapped FHIR code, else the original with a source-scoped table system.</summary>
    public Coding? MapCoding(string mapId, string table, string code, At position)
    {
        if (code.Length == 0)
        {
            return null;
        }

        return Lookup(mapId, code, position) is { } mapped
            ? new Coding(mapped.System, mapped.Code)
            : new Coding(LocalSystem("v2-" + table, table), code);
    }

    // ---- DTM/TS → date, dateTime, instant --------------------------------------------------------------------------

    /// <summary>Reads a TS/DTM (component 1 of the value); reports MAP020 for an invalid one.</summary>
    public bool TryDateTime(Hl7Value value, out Hl7DateTime dateTime)
    {
        dateTime = default;
        var first = value.Level is Hl7ValueLevel.Field or Hl7ValueLevel.Repetition ? value.Component(1) : value;
        if (!first.HasValue)
        {
            return false;
        }

        if (Hl7DateTime.TryParse(first.RawSpan, out dateTime))
        {
            return true;
        }

        Issue(MappingIssueCodes.InvalidDateTime, MappingSeverity.Warning, At(value), "Not a valid HL7 date/time: left out.");
        return false;
    }

    /// <summary>
    /// DTM[dateTime] with the v2 precision kept (1980 → 1980, 198001 → 1980-01, seconds and fractions kept); a time
    /// without an offset is read in the source's zone; hours or minutes alone are padded (FHIR needs seconds).
    /// </summary>
    public FhirDateTime? DateTime(Hl7Value value) => TryDateTime(value, out var dt) ? new FhirDateTime(FormatDateTime(dt)) : null;

    /// <summary>DTM → date (the date part, at the written precision).</summary>
    public Date? Date(Hl7Value value)
    {
        if (!TryDateTime(value, out var dt))
        {
            return null;
        }

        return new Date(dt.Precision switch
        {
            Hl7DateTimePrecision.Year => dt.DateTime.ToString("yyyy", CultureInfo.InvariantCulture),
            Hl7DateTimePrecision.Month => dt.DateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            _ => dt.DateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
    }

    /// <summary>DTM → instant: a date-only value becomes midnight in the source's zone.</summary>
    public Instant? Instant(Hl7Value value)
    {
        if (!TryDateTime(value, out var dt))
        {
            return null;
        }

        var offset = dt.Offset ?? Context.TimeZone.GetUtcOffset(dt.DateTime);
        return new Instant(new DateTimeOffset(dt.DateTime, offset));
    }

    public string FormatDateTime(Hl7DateTime dt)
    {
        var local = dt.DateTime;
        switch (dt.Precision)
        {
            case Hl7DateTimePrecision.Year:
                return local.ToString("yyyy", CultureInfo.InvariantCulture);
            case Hl7DateTimePrecision.Month:
                return local.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            case Hl7DateTimePrecision.Day:
                return local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            default:
                var offset = dt.Offset ?? Context.TimeZone.GetUtcOffset(local);
                var format = dt.Precision == Hl7DateTimePrecision.FractionalSecond ? "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF" : "yyyy-MM-dd'T'HH:mm:ss";
                var sign = offset < TimeSpan.Zero ? '-' : '+';
                var abs = offset.Duration();
                return string.Create(CultureInfo.InvariantCulture, $"{local.ToString(format, CultureInfo.InvariantCulture)}{sign}{abs.Hours:00}:{abs.Minutes:00}");
        }
    }

    // The name parts XPN and XCN share: a middle name is a second given name (IG XPN sheet).
    private static HumanName HumanNameOf(string family, string given, string middle, string prefix, string suffix)
    {
        var name = new HumanName { Family = Null(family) };
        if (given.Length > 0)
        {
            name.GivenElement.Add(new FhirString(given));
        }

        if (middle.Length > 0)
        {
            name.GivenElement.Add(new FhirString(middle));
        }

        if (prefix.Length > 0)
        {
            name.PrefixElement.Add(new FhirString(prefix));
        }

        if (suffix.Length > 0)
        {
            name.SuffixElement.Add(new FhirString(suffix));
        }

        return name;
    }

    // ---- XCN → Practitioner ----------------------------------------------------------------------------------------

    /// <summary>
    /// XCN[Practitioner]: one Practitioner per person, deduplicated inside the Bundle by identifier (conditional update
    /// on XCN.1 + XCN.9) or, without one, by name within the source.
    /// </summary>
    public ResourceReference? Xcn(Hl7Value xcn)
    {
        var id = CompText(xcn, 1);
        var family = Comp(xcn, 2).SubComponent(1).Value;
        var given = CompText(xcn, 3);
        var middle = CompText(xcn, 4);
        var suffix = CompText(xcn, 5);
        var prefix = CompText(xcn, 6);
        var degree = CompText(xcn, 7);
        if (id.Length == 0 && family.Length == 0 && given.Length == 0)
        {
            return null;
        }

        var practitioner = new Practitioner();
        Identifier? identifier = null;
        if (id.Length > 0)
        {
            var type = CompText(xcn, 13).Trim();
            identifier = new Identifier(IdentifierSystem(Comp(xcn, 9), At(xcn, 9), type.Length > 0 ? type : "provider"), id);
            if (type.Length > 0)
            {
                identifier.Type = new CodeableConcept(V2System + "0203", type);
            }

            practitioner.Identifier.Add(identifier);
        }

        if (family.Length > 0 || given.Length > 0)
        {
            practitioner.Name.Add(HumanNameOf(family, given, middle, prefix, suffix));
        }

        if (degree.Length > 0)
        {
            practitioner.Qualification.Add(new Practitioner.QualificationComponent { Code = new CodeableConcept { Text = degree } });
        }

        MarkComponents(xcn, 8, 10, 14);
        var display = string.Join(' ', new[] { given, family }.Where(s => s.Length > 0));
        var reference = Add(practitioner, "name:" + family + "\u001f" + given + "\u001f" + middle, identifier);
        reference.Display = display.Length > 0 ? display : null;
        return reference;
    }

    // ---- NM ----------------------------------------------------------------------------------------------------------

    public decimal? Number(Hl7Value value)
    {
        if (!value.HasValue)
        {
            return null;
        }

        if (value.TryGetDecimal(out var number))
        {
            return number;
        }

        Issue(MappingIssueCodes.InvalidNumber, MappingSeverity.Warning, At(value), "Not a valid number.");
        return null;
    }

    public static string? Null(string value) => value.Length == 0 ? null : value;
}

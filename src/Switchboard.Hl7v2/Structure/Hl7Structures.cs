namespace Switchboard.Hl7v2.Structure;

/// <summary>
/// Segment-group definitions for the structures we map, written in the HL7 abstract message syntax
/// (<c>[ ]</c> optional, <c>{ }</c> repeating, <c>NAME:</c> a group). Each definition is the union of v2.3 to v2.5.1:
/// a segment is required only when every version requires it, so older messages still group correctly.
/// </summary>
public static class Hl7Structures
{
    private const string AdtA01 =
        "MSH [{SFT}] [UAC] EVN PID [PD1] [{ROL}] [{NK1}] PV1 [PV2] [{ROL}] [{DB1}] [{OBX}] [{AL1}] [{DG1}] [DRG] " +
        "[{PROCEDURE: PR1 [{ROL}]}] [{GT1}] [{INSURANCE: IN1 [IN2] [{IN3}] [{ROL}]}] [ACC] [UB1] [UB2] [PDA]";

    private static readonly Dictionary<string, string> Definitions = new(StringComparer.Ordinal)
    {
        ["ADT_A01"] = AdtA01,
        ["ADT_A05"] = AdtA01,
        ["ADT_A39"] = "MSH [{SFT}] [UAC] EVN {PATIENT: PID [PD1] MRG [PV1]}",
        ["ORU_R01"] =
            "MSH [{SFT}] [UAC] {PATIENT_RESULT: [PATIENT: PID [PD1] [{NTE}] [{NK1}] [VISIT: PV1 [PV2]]] " +
            "{ORDER_OBSERVATION: [ORC] OBR [{NTE}] [{TIMING_QTY: TQ1 [{TQ2}]}] [CTD] [{OBSERVATION: OBX [{NTE}]}] [{FT1}] [{CTI}] " +
            "[{SPECIMEN: SPM [{OBX}]}]}} [DSC]",

        // ORC is required in the standard ORDER group; senders omit it, so it is optional here (the validator's
        // strict preset still reports OBR without ORC through the data, not the grouping).
        ["ORM_O01"] =
            "MSH [{NTE}] [PATIENT: PID [PD1] [{NTE}] [PATIENT_VISIT: PV1 [PV2]] [{INSURANCE: IN1 [IN2] [IN3]}] [GT1] [{AL1}]] " +
            "{ORDER: [ORC] [ORDER_DETAIL: OBR [{NTE}] [CTD] [{DG1}] [{OBSERVATION: OBX [{NTE}]}]] [{FT1}] [{CTI}] [BLG]}",
        ["OML_O21"] =
            "MSH [{SFT}] [UAC] [{NTE}] [PATIENT: PID [PD1] [{NTE}] [{NK1}] [PATIENT_VISIT: PV1 [PV2]] [{INSURANCE: IN1 [IN2] [IN3]}] [GT1] [{AL1}]] " +
            "{ORDER: [ORC] [{TIMING: TQ1 [{TQ2}]}] [OBSERVATION_REQUEST: OBR [TCD] [{NTE}] [CTD] [{DG1}] [{OBSERVATION: OBX [TCD] [{NTE}]}] " +
            "[{SPECIMEN: SPM [{OBX}] [{CONTAINER: SAC [{OBX}]}]}]] [{FT1}] [{CTI}] [BLG]}",
        ["RDE_O11"] =
            "MSH [{SFT}] [UAC] [{NTE}] [PATIENT: PID [PD1] [{NTE}] [PATIENT_VISIT: PV1 [PV2]] [{INSURANCE: IN1 [IN2] [IN3]}] [GT1] [{AL1}]] " +
            "{ORDER: ORC [{TIMING: TQ1 [{TQ2}]}] [ORDER_DETAIL: RXO [{NTE}] [{RXR}] [{COMPONENT: RXC [{NTE}]}]] RXE [{NTE}] " +
            "[{TIMING_ENCODED: TQ1 [{TQ2}]}] [{RXR}] [{RXC}] [{OBSERVATION: OBX [{NTE}]}] [{FT1}] [BLG] [{CTI}] [{RXD}]}",
        ["SIU_S12"] =
            "MSH [{SFT}] SCH [{TQ1}] [{NTE}] [{PATIENT: PID [PD1] [PV1] [PV2] [{OBX}] [{DG1}]}] " +
            "{RESOURCES: RGS [{SERVICE: AIS [{NTE}]}] [{GENERAL_RESOURCE: AIG [{NTE}]}] [{LOCATION_RESOURCE: AIL [{NTE}]}] [{PERSONNEL_RESOURCE: AIP [{NTE}]}]}",
        ["MDM_T02"] =
            "MSH [{SFT}] EVN PID PV1 [{COMMON_ORDER: ORC [{TIMING: TQ1 [{TQ2}]}] OBR [{NTE}]}] TXA [{CON}] {OBSERVATION: OBX [{NTE}]}",
        ["REF_I12"] =
            "MSH [{SFT}] [RF1] [{AUTHORIZATION_CONTACT: AUT [CTD]}] {PROVIDER_CONTACT: PRD [{CTD}]} PID [{NK1}] [{GT1}] " +
            "[{INSURANCE: IN1 [IN2] [IN3]}] [ACC] [{DG1}] [{DRG}] [{AL1}] [{PROCEDURE: PR1 [AUTHORIZATION_CONTACT: AUT [CTD]]}] " +
            "[{CLINICAL_ORDER: OBR [{NTE}] [{CLINICAL_OBSERVATION: OBX [{NTE}]}]}] [PATIENT_VISIT: PV1 [PV2]] [{NTE}]",
        ["VXU_V04"] =
            "MSH [{SFT}] PID [PD1] [{NK1}] [PATIENT: PV1 [PV2]] [{GT1}] [{INSURANCE: IN1 [IN2] [IN3]}] " +
            "[{ORDER: [ORC] [{TIMING: TQ1 [{TQ2}]}] RXA [RXR] [{OBSERVATION: OBX [{NTE}]}]}]",
        ["ACK"] = "MSH [{SFT}] MSA [{ERR}]",
    };

    private static readonly Dictionary<string, StructureItem> Parsed = Definitions.ToDictionary(
        kv => kv.Key, kv => StructureSyntax.Parse(kv.Key, kv.Value), StringComparer.Ordinal);

    private static readonly Dictionary<string, string> ByEvent = new(StringComparer.Ordinal)
    {
        ["ADT^A01"] = "ADT_A01", ["ADT^A04"] = "ADT_A01", ["ADT^A08"] = "ADT_A01", ["ADT^A13"] = "ADT_A01",
        ["ADT^A05"] = "ADT_A05", ["ADT^A14"] = "ADT_A05", ["ADT^A28"] = "ADT_A05", ["ADT^A31"] = "ADT_A05",
        ["ADT^A39"] = "ADT_A39", ["ADT^A40"] = "ADT_A39", ["ADT^A41"] = "ADT_A39", ["ADT^A42"] = "ADT_A39",
        ["ORU^R01"] = "ORU_R01", ["ORM^O01"] = "ORM_O01", ["OML^O21"] = "OML_O21",
        ["RDE^O11"] = "RDE_O11", ["RDE^O01"] = "RDE_O11",
        ["MDM^T02"] = "MDM_T02", ["MDM^T04"] = "MDM_T02", ["MDM^T06"] = "MDM_T02", ["MDM^T08"] = "MDM_T02", ["MDM^T10"] = "MDM_T02",
        ["VXU^V04"] = "VXU_V04",
    };

    /// <summary>Structure ids with a definition.</summary>
    public static IReadOnlyCollection<string> Known => Definitions.Keys;

    /// <summary>
    /// The structure id of a message: MSH-9.3 when written, otherwise derived from MSH-9.1^MSH-9.2 (pre-2.4 messages),
    /// e.g. <c>ADT^A04</c> gives <c>ADT_A01</c>. Empty when unknown.
    /// </summary>
    public static string Resolve(Hl7Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var header = message.Header;
        var written = header.MessageStructure;
        if (written.Length > 0 && Definitions.ContainsKey(written))
        {
            return written;
        }

        return Resolve(header.MessageCode, header.TriggerEvent) is { Length: > 0 } derived ? derived : written;
    }

    /// <summary>The structure id for a message code and trigger event; empty when unknown.</summary>
    public static string Resolve(string messageCode, string triggerEvent)
    {
        ArgumentNullException.ThrowIfNull(messageCode);
        ArgumentNullException.ThrowIfNull(triggerEvent);
        if (messageCode == "ACK")
        {
            return "ACK";
        }

        if (ByEvent.TryGetValue(messageCode + "^" + triggerEvent, out var structure))
        {
            return structure;
        }

        if (messageCode == "SIU" && triggerEvent.Length == 3 && triggerEvent[0] == 'S' && int.TryParse(triggerEvent.AsSpan(1), out var s) && s is >= 12 and <= 26)
        {
            return "SIU_S12";
        }

        if (messageCode == "REF" && triggerEvent is "I12" or "I13" or "I14" or "I15")
        {
            return "REF_I12";
        }

        return string.Empty;
    }

    internal static StructureItem? Definition(string structure) => Parsed.GetValueOrDefault(structure);
}

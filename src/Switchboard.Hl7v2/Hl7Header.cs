namespace Switchboard.Hl7v2;

/// <summary>Typed accessors for the MSH segment. Every property is the unescaped value, empty when absent.</summary>
public readonly struct Hl7Header
{
    private readonly Hl7Segment _msh;

    internal Hl7Header(Hl7Message message) => _msh = message.Segment("MSH");

    /// <summary>The MSH segment itself.</summary>
    public Hl7Segment Segment => _msh;

    /// <summary>MSH-3 (HD).</summary>
    public Hl7Value SendingApplication => _msh.Field(3);

    /// <summary>MSH-4 (HD).</summary>
    public Hl7Value SendingFacility => _msh.Field(4);

    /// <summary>MSH-5 (HD).</summary>
    public Hl7Value ReceivingApplication => _msh.Field(5);

    /// <summary>MSH-6 (HD).</summary>
    public Hl7Value ReceivingFacility => _msh.Field(6);

    /// <summary>MSH-7 (TS/DTM).</summary>
    public Hl7Value DateTimeOfMessage => _msh.Field(7);

    /// <summary>MSH-9 (MSG) as a whole.</summary>
    public Hl7Value MessageType => _msh.Field(9);

    /// <summary>MSH-9.1, e.g. <c>ORU</c>.</summary>
    public string MessageCode => _msh.Field(9).Component(1).Value.Trim();

    /// <summary>MSH-9.2, e.g. <c>R01</c>.</summary>
    public string TriggerEvent => _msh.Field(9).Component(2).Value.Trim();

    /// <summary>MSH-9.3 as written, e.g. <c>ORU_R01</c>; empty before v2.4. See <see cref="Structure.Hl7Structures.Resolve"/>.</summary>
    public string MessageStructure => _msh.Field(9).Component(3).Value.Trim();

    /// <summary>MSH-10.</summary>
    public string ControlId => _msh.Field(10).Value;

    /// <summary>MSH-11.1 (P, D or T).</summary>
    public string ProcessingId => _msh.Field(11).Component(1).Value;

    /// <summary>MSH-12.1, e.g. <c>2.5.1</c>.</summary>
    public string Version => _msh.Field(12).Component(1).Value.Trim();

    /// <summary>MSH-15 (AL, NE, ER, SU).</summary>
    public string AcceptAcknowledgmentType => _msh.Field(15).Value;

    /// <summary>MSH-16 (AL, NE, ER, SU).</summary>
    public string ApplicationAcknowledgmentType => _msh.Field(16).Value;

    /// <summary>MSH-18 first repetition, e.g. <c>UNICODE UTF-8</c>.</summary>
    public string CharacterSet => _msh.Field(18).Repetition(1).Value;
}

namespace Switchboard.Hl7v2.Acks;

/// <summary>Acknowledgement mode. <see cref="Auto"/> follows MSH-15/MSH-16: enhanced when either is valued.</summary>
public enum AckMode
{
    Auto = 0,
    Original = 1,
    Enhanced = 2,
}

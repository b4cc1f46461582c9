namespace Switchboard.Hl7v2;

/// <summary>What to do with formatting escapes (<c>\.br\</c>, <c>\H\</c>, <c>\N\</c>, <c>\.sp\</c> ...) when unescaping.</summary>
public enum Hl7TextFormat
{
    /// <summary>Keep them as written, so FT/TX text can be re-emitted or rendered later. The default.</summary>
    Preserve = 0,

    /// <summary>Render them as plain text: <c>\.br\</c> and <c>\.sp n\</c> become line breaks, highlighting is dropped.</summary>
    Render = 1,
}

using System.Text;

namespace Switchboard.Hl7v2.Framing;

/// <summary>
/// Minimal Lower Layer Protocol framing: <c>0x0B payload 0x1C 0x0D</c>. Use <see cref="MllpDecoder"/> to read frames
/// from a stream that arrives in pieces.
/// </summary>
public static class Mllp
{
    /// <summary>Start block (VT).</summary>
    public const byte StartBlock = 0x0B;

    /// <summary>End block (FS).</summary>
    public const byte EndBlock = 0x1C;

    /// <summary>Carriage return closing a frame.</summary>
    public const byte CarriageReturn = 0x0D;

    /// <summary>Frames one payload.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> payload)
    {
        var frame = new byte[payload.Length + 3];
        frame[0] = StartBlock;
        payload.CopyTo(frame.AsSpan(1));
        frame[^2] = EndBlock;
        frame[^1] = CarriageReturn;
        return frame;
    }

    /// <summary>Frames one message encoded as UTF-8 (or <paramref name="encoding"/>, e.g. the MSH-18 character set).</summary>
    public static byte[] Encode(string message, Encoding? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Encode((encoding ?? new UTF8Encoding(false)).GetBytes(message));
    }

    /// <summary>True when the first byte that is not white space is the start block.</summary>
    public static bool LooksFramed(ReadOnlySpan<byte> bytes)
    {
        var i = bytes.IndexOfAnyExcept((byte)' ', (byte)'\r', (byte)'\n');
        return i >= 0 && bytes[i] == StartBlock;
    }
}

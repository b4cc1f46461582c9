namespace Switchboard.Functions.Pipeline;

/// <summary>What the intake endpoint answers: the ACK text and the HTTP status to send it with.</summary>
public sealed record IntakeResult(int StatusCode, string Body, string ContentType)
{
    public static IntakeResult Ack(string ack, int statusCode = 200) => new(statusCode, ack, "x-application/hl7-v2+er7");

    public static IntakeResult UnknownSource() => new(404, "Unknown source.", "text/plain");
}

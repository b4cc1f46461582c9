namespace Switchboard.Identity.Index;

/// <summary>ID409: the record changed since it was read (stale ETag) or already exists; the API answers 409.</summary>
public sealed class IdentityConcurrencyException : Exception
{
    public const string Code = "ID409";

    public IdentityConcurrencyException()
        : this("ID409: the record was changed by someone else.")
    {
    }

    public IdentityConcurrencyException(string message)
        : base(message)
    {
    }

    public IdentityConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

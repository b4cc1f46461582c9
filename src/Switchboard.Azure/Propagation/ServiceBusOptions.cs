namespace Switchboard.Azure.Propagation;

/// <summary>
/// The Service Bus namespace for topic destinations. In Azure: <c>ServiceBus__fullyQualifiedNamespace</c> with
/// <c>ServiceBus__clientId</c> (managed identity, no keys); a connection string only for local experiments.
/// </summary>
public sealed class ServiceBusOptions
{
    public const string ConnectionName = "ServiceBus";

    public string? FullyQualifiedNamespace { get; set; }

    public string? ClientId { get; set; }

    public string? ConnectionString { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(FullyQualifiedNamespace) || !string.IsNullOrWhiteSpace(ConnectionString);
}

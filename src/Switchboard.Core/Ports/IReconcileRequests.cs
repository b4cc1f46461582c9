namespace Switchboard.Core.Ports;

/// <summary>Asks for an immediate reconciliation of a source (a subscription lost events), instead of waiting for the timer.</summary>
public interface IReconcileRequests
{
    Task RequestAsync(string source, CancellationToken cancellationToken);
}

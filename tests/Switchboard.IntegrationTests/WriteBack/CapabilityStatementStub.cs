using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Switchboard.IntegrationTests.WriteBack;

/// <summary>
/// A loopback HTTP server that answers <c>GET /fhir/metadata</c> with a fixed CapabilityStatement and everything
/// else with 500, counting requests: a target whose declared capabilities differ from the local FHIR server's.
/// </summary>
internal sealed class CapabilityStatementStub : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _statement;
    private readonly Task _loop;
    private int _metadata;
    private int _other;

    public CapabilityStatementStub(string statement)
    {
        _statement = statement;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/fhir/");
            probe.Stop();
        }

        _listener.Prefixes.Add(BaseUrl.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }

    public int MetadataRequests => Volatile.Read(ref _metadata);

    public int OtherRequests => Volatile.Read(ref _other);

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var isMetadata = context.Request.HttpMethod == "GET" && context.Request.Url!.AbsolutePath.EndsWith("/metadata", StringComparison.Ordinal);
            Interlocked.Increment(ref isMetadata ? ref _metadata : ref _other);
            var body = Encoding.UTF8.GetBytes(isMetadata ? _statement : """{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"exception"}]}""");
            context.Response.StatusCode = isMetadata ? 200 : 500;
            context.Response.ContentType = "application/fhir+json";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}

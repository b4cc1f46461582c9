using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Switchboard.Testing.Servers;

/// <summary>
/// A webhook subscriber on 127.0.0.1 with switchable behaviour: <see cref="Mode.Down"/> drops the connection,
/// <see cref="Mode.Unavailable"/> answers 503 (optionally only for the next N requests), <see cref="Mode.Ok"/> answers
/// 200. Every request is recorded with its headers, body and the status it got.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private Task _loop;
    private int _unavailableBudget;
    private Mode _behaviour = Mode.Ok;

    public WebhookReceiver()
    {
        var port = FreePort();
        Url = new Uri($"http://127.0.0.1:{port}/hook/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public enum Mode
    {
        Ok,
        Down,
        Unavailable,
    }

    public Uri Url { get; }

    /// <summary>Down stops listening (connections are refused); any other mode listens again.</summary>
    public Mode Behaviour
    {
        get => _behaviour;
        set
        {
            if (value == Mode.Down && _behaviour != Mode.Down)
            {
                _listener.Stop();
            }
            else if (value != Mode.Down && _behaviour == Mode.Down)
            {
                _listener.Start();
                _loop = Task.Run(LoopAsync);
            }

            _behaviour = value;
        }
    }

    /// <summary>Seconds sent as Retry-After with 503 answers, when set.</summary>
    public int? RetryAfterSeconds { get; set; }

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>Answers 503 to the next <paramref name="count"/> requests, then 200.</summary>
    public void UnavailableFor(int count)
    {
        Behaviour = Mode.Ok;
        Interlocked.Exchange(ref _unavailableBudget, count);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (HttpListenerException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task LoopAsync()
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

            using var buffer = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(buffer);
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k] ?? string.Empty, StringComparer.OrdinalIgnoreCase);
            var status = Behaviour == Mode.Unavailable || Interlocked.Decrement(ref _unavailableBudget) >= 0 ? 503 : 200;
            if (status == 503 && RetryAfterSeconds is { } retryAfter)
            {
                context.Response.AddHeader("Retry-After", retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            Requests.Enqueue(new Received(headers, buffer.ToArray(), status));
            context.Response.StatusCode = status;
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <param name="Status">What the receiver answered.</param>
    public sealed record Received(IReadOnlyDictionary<string, string> Headers, byte[] Body, int Status);
}

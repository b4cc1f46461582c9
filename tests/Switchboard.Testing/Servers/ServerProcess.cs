using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Switchboard.Testing.Servers;

/// <summary>
/// A local server started for the tests: waits for a ready line on stdout, keeps the output for failure
/// messages, and kills the whole process tree on dispose so no server outlives the test run.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process) => _process = process;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<(ServerProcess Server, string ReadyLine)> StartAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, Func<string, bool> isReadyLine, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var server = new ServerProcess(process);
        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => server.OnLine(e.Data, isReadyLine, ready);
        process.ErrorDataReceived += (_, e) => server.OnLine(e.Data, isReadyLine, ready);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(ready.Task, exited, Task.Delay(timeout));
        if (first != ready.Task)
        {
            var why = first == exited ? $"exited with code {process.ExitCode}" : $"was not ready within {timeout.TotalSeconds:0}s";
            await server.DisposeAsync();
            throw new InvalidOperationException($"{Path.GetFileName(fileName)} {why}. Output:\n{server.Output}");
        }

        return (server, await ready.Task);
    }

    /// <summary>A loopback port that was free a moment ago (for servers that cannot pick their own).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void OnLine(string? line, Func<string, bool> isReadyLine, TaskCompletionSource<string> ready)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (isReadyLine(line))
        {
            ready.TrySetResult(line);
        }
    }
}

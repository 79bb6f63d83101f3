using System.Diagnostics;
using System.Text;
using ClaudBot.Testing;

namespace ClaudBot.Cluster.Tests.Support;

/// <summary>
/// A real <c>claudbot-node</c> process (the one built beside the tests), configured through environment
/// variables, with its output kept for failure messages. Stop it gracefully (SIGTERM) or kill it (-9).
/// </summary>
internal sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private bool _disposed;

    private NodeProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) =>
        {
            Append(e.Data);
            if (e.Data is not null)
            {
                lock (_error)
                {
                    _error.AppendLine(e.Data);
                }
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

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

    /// <summary>Standard error alone (<see cref="Output"/> has both streams, interleaved).</summary>
    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    public static NodeProcess Start(IReadOnlyDictionary<string, string> settings, params string[] args) =>
        Start(settings, new Dictionary<string, string>(), args);

    /// <summary>Starts the node with <paramref name="environment"/> set as it is (not as CLAUDBOT_ settings), e.g. DOTNET_ variables.</summary>
    public static NodeProcess Start(IReadOnlyDictionary<string, string> settings, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        // Serving verbs start the node's servers; one-shot verbs (data, status, submit) are plain programs.
        if (args.Length > 0 && args[0] is "run" or "start")
        {
            QuickRun.Refuse("claudbot-node " + args[0]);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "claudbot-node.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in settings)
        {
            start.Environment["CLAUDBOT_" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new NodeProcess(Process.Start(start)!);
    }

    /// <summary>Runs a node command to completion and returns its exit code and output.</summary>
    public static async Task<(int Exit, string Output)> RunAsync(IReadOnlyDictionary<string, string> settings, TimeSpan timeout, params string[] args)
    {
        await using var node = Start(settings, args);
        using var cancel = new CancellationTokenSource(timeout);
        await node._process.WaitForExitAsync(cancel.Token);
        node._process.WaitForExit(); // drains the redirected output
        return (node.ExitCode, node.Output);
    }

    /// <summary>Waits for the process to exit by itself (and its output to drain).</summary>
    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        _process.WaitForExit();
    }

    /// <summary>SIGKILL: the process gets no chance to clean up.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGTERM, as systemd sends on stop; returns how long the process took to exit.</summary>
    public async Task<TimeSpan> TerminateAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return clock.Elapsed;
    }

    /// <summary>Waits until the output contains <paramref name="text"/> (e.g. a start-up line).</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var until = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || until.Elapsed > timeout)
            {
                throw new TimeoutException($"claudbot-node did not print '{text}' (exited: {_process.HasExited}). Output:\n{Output}");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}

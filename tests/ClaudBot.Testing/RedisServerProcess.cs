using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ClaudBot.Testing;

/// <summary>
/// A real redis-server (Debian's package) on a free loopback port with append-only persistence
/// (fsync always, so every acknowledged write survives a kill), in its own folder. Restartable on the
/// same folder to test recovery.
/// </summary>
public sealed class RedisServerProcess : IAsyncDisposable
{
    private readonly string _directory;
    private Process? _process;

    public RedisServerProcess(string directory)
    {
        _directory = directory;
        Port = TestPorts.Free();
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public async Task StartAsync()
    {
        QuickRun.Refuse("redis-server");
        Directory.CreateDirectory(_directory);
        var start = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in (string[])["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes", "--appendfsync", "always", "--dir", _directory, "--daemonize", "no"])
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start; is the redis-server package installed?");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var until = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (until.Elapsed < TimeSpan.FromSeconds(10) && !_process.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>kill -9, then (optionally) start again on the same folder and port.</summary>
    public async Task CrashAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CrashAsync();
        _process?.Dispose();
    }
}

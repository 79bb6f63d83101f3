using System.Diagnostics;
using System.Globalization;
using ClaudBot.Testing;

namespace ClaudBot.Redis.Tests.Support;

/// <summary>The embedded server in a process of its own (ClaudBot.Redis.CrashHost), to be killed with -9.</summary>
internal sealed class CrashHostProcess : IDisposable
{
    private readonly Process _process;

    private CrashHostProcess(Process process) => _process = process;

    /// <summary>From process start to the server's "ready": .NET start-up plus a cold Garnet start.</summary>
    public TimeSpan StartupTime { get; private set; }

    public static async Task<CrashHostProcess> StartAsync(int port, string directory)
    {
        QuickRun.Refuse("the embedded queue server in a process of its own");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ClaudBot.Redis.CrashHost.dll"));
        start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(directory);
        var watch = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        var host = new CrashHostProcess(process);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        string? line = await process.StandardOutput.ReadLineAsync(limit.Token);
        if (line != $"ready {port}")
        {
            host.Kill();
            throw new InvalidOperationException($"CrashHost did not start: '{line}' {await process.StandardError.ReadToEndAsync(limit.Token)}");
        }

        host.StartupTime = watch.Elapsed;
        return host;
    }

    /// <summary>kill -9: no graceful stop, no flush beyond what each acknowledged write already did.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}

using System.Diagnostics;
using ClaudBot.Testing;

namespace ClaudBot.Tests;

/// <summary><c>claudbot data push</c> as a user runs it, in a home of the test's own (<c>CLAUDBOT_HOME</c>).</summary>
public sealed class DataPushCliTests : IDisposable
{
    private readonly TempDirectory _home = new("claudbot-push-");

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task Push_WithTheLocalTarget_SaysInOneLineThatTheLocalNodeReadsThisHome()
    {
        var (exitCode, stdout, stderr) = await RunAsync("data", "push");

        Assert.Equal(0, exitCode);
        Assert.Equal($"The target is local: the local node already reads this home's data ({_home.Combine("data/market")}); nothing to push.\n", stdout.ReplaceLineEndings("\n"));
        Assert.Equal(string.Empty, stderr);
    }

    [Fact]
    public async Task Push_WithNoKeyFromSetup_FailsInOneLine_WithoutConnecting()
    {
        int port = TestPorts.Free();
        Directory.CreateDirectory(_home.Combine("config"));
        Directory.CreateDirectory(_home.Combine("data/market"));
        await File.WriteAllTextAsync(_home.Combine("data/market/TCS.csv"), "Date,Open,High,Low,Close,Volume\n");
        await File.WriteAllTextAsync(_home.Combine("config/settings.json"), $$"""{ "Target": { "Kind": "ssh", "Ssh": { "Host": "127.0.0.1", "User": "olga", "Port": {{port}}, "IdentityFile": "{{_home.Combine("keys/id_ed25519")}}" } } }""");

        var (exitCode, stdout, stderr) = await RunAsync("data", "push");

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal($"Error: olga@127.0.0.1:{port}: no SSH key at {_home.Combine("keys/id_ed25519")}: run 'claudbot setup' first.\n", stderr.ReplaceLineEndings("\n"));
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _home.Path,
        };
        start.Environment["CLAUDBOT_HOME"] = _home.Path;
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "claudbot.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}

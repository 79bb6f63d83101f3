using System.Diagnostics;
using System.Text.Json;

namespace ClaudBot.Tests;

/// <summary>The built program as a child process: what a script piping its output sees.</summary>
public sealed class ProcessTests
{
    private const string MergerNote = "Note: HDFC Ltd merged into HDFC Bank in July 2023; HDFC resolves to HDFCBANK";

    [Fact]
    public async Task Json_StdoutIsPureJsonAndNotesGoToStderr()
    {
        var (exitCode, stdout, stderr) = await RunAsync("backtest", "rsi", "TCS,HDFC", "2022-01-01", "2022-12-31", "--json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(["TCS", "HDFCBANK"], json.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("symbol").GetString()));
        Assert.StartsWith("{", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Note:", stdout, StringComparison.Ordinal);
        Assert.Equal([MergerNote], Lines(stderr));
    }

    [Fact]
    public async Task UnknownSymbol_ExitsTwoWithEmptyStdout()
    {
        var (exitCode, stdout, stderr) = await RunAsync("backtest", "rsi", "XYZQWV", "2022-01-01", "2022-12-31", "--json");

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith("Error: Unknown symbol \"XYZQWV\"", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LongError_StaysOneLineOnARedirectedStderr()
    {
        var (exitCode, _, stderr) = await RunAsync("backtest", "rsi", "XYZQWV", "2022-01-01", "2022-12-31");

        Assert.Equal(2, exitCode);
        Assert.Equal(
            ["Error: Unknown symbol \"XYZQWV\": nothing similar among the data; ask for the symbol list to see all 49 available."],
            Lines(stderr));
    }

    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        string program = Path.Combine(AppContext.BaseDirectory, "claudbot.dll");
        Assert.True(File.Exists(program), $"{program} should be copied next to the tests");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(program);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}

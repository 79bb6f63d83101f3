using System.Diagnostics;
using System.Text.Json;

namespace ClaudBot.Intents.Semantic.Tests;

/// <summary>
/// The real <c>claudbot intent</c> in a network namespace of its own with no interface up (<c>unshare --net</c>, as root):
/// the semantic reading needs nothing from the network.
/// </summary>
[Trait("Category", "RealServer")]
public sealed class OfflineCliTests
{
    [Fact]
    public async Task IntentCommand_WithTheNetworkCut_GivesTheSemanticReading()
    {
        var start = new ProcessStartInfo("unshare")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (string arg in new[] { "--net", "--", Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", Path.Combine(AppContext.BaseDirectory, "claudbot.dll"), "intent", "--json", "power the cluster off" })
        {
            start.ArgumentList.Add(arg);
        }

        // Settings and state in a folder of the test's own, like the other CLI tests.
        string home = Directory.CreateTempSubdirectory("claudbot-offline-").FullName;
        start.Environment["CLAUDBOT_HOME"] = home;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(limit.Token);

        Assert.True(process.ExitCode == 0, await error);
        using var json = JsonDocument.Parse(await output);
        Assert.Equal("stop_cluster", json.RootElement.GetProperty("intent").GetString());
        Assert.Equal("semantic", json.RootElement.GetProperty("source").GetString());
        Directory.Delete(home, recursive: true);
    }
}

using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace ClaudBot.Ssh.Tests.Setup;

/// <summary>
/// The real command line once, the way the guide's users start it: <c>deploy/setup_ssh_cluster.sh</c> with
/// WORKER_HOST and WORKER_USER set, which runs <c>claudbot setup</c> from this checkout.
/// </summary>
[Trait("Category", "RealServer")]
[Collection(SetupServerGroup.Name)]
public sealed class SetupCliTests(PublishedNode node, ITestOutputHelper output)
{
    [Fact]
    public async Task TheGuideScript_SetsUpTheServer_WithThePasswordOnStdin_AndBadArgumentsExitWith2()
    {
        await using var scene = await SetupScene.StartAsync();
        string checkout = Ssh.Setup.NodePublisher.FindCheckout(AppContext.BaseDirectory)!;
        string script = Path.Combine(checkout, "deploy", "setup_ssh_cluster.sh");
        var environment = new Dictionary<string, string>
        {
            ["WORKER_HOST"] = scene.Server.Address,
            ["WORKER_USER"] = scene.Server.User,
            ["CLAUDBOT_Target__Ssh__KnownHostsFile"] = scene.KnownHostsFile,
        };

        var clock = Stopwatch.StartNew();
        var (exit, stdout, stderr) = await RunAsync(
            script,
            ["--identity", scene.Identity, "--yes", "--password-stdin", "--trust-host-key", scene.Fingerprint, "--node-dir", node.Folder, "--settings", scene.SettingsFile],
            environment,
            scene.Server.Password + "\n");
        output.WriteLine($"deploy/setup_ssh_cluster.sh (dotnet run, build included): {clock.Elapsed.TotalSeconds:0.0} s");
        output.WriteLine(stdout);
        output.WriteLine(stderr);

        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains($"Setting up {scene.Server.User}@{scene.Server.Address} for ClaudBot.", stdout, StringComparison.Ordinal);
        foreach (string line in new[] { "✓ SSH key", "✓ Host key", "✓ Key login", "• Server", "✓ Node files", "✓ Market data", "✓ Client settings", "Setup complete" })
        {
            Assert.Contains(line, stdout, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(scene.Server.Password, stdout + stderr, StringComparison.Ordinal);
        var settings = JsonNode.Parse(await File.ReadAllTextAsync(scene.SettingsFile))!["Target"]!;
        Assert.Equal("ssh", (string?)settings["Kind"]);
        Assert.Equal(scene.Server.Address, (string?)settings["Ssh"]!["Host"]);
        Assert.Equal(scene.KnownHostsFile, (string?)settings["Ssh"]!["KnownHostsFile"]);
        Assert.True(File.Exists(Path.Combine(scene.RemoteNode, "claudbot-node")));

        // The program the script ran, with a host name that is not one: exit 2 and what to type instead.
        string program = Path.Combine(checkout, "src", "ClaudBot", "bin", "Release", "net10.0", "claudbot.dll");
        var (bad, _, error) = await RunAsync("dotnet", [program, "setup", "--host", "not a host!", "--user", "olga", "--settings", scene.SettingsFile], environment, string.Empty);
        Assert.Equal(2, bad);
        Assert.Contains("--host must be a host name or an IP address.", error, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string program, IReadOnlyList<string> arguments, Dictionary<string, string> environment, string input)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        // A minimal PATH (dotnet is /usr/bin/dotnet): the script finds no installed claudbot and runs the checkout.
        start.Environment["PATH"] = "/usr/local/bin:/usr/bin:/bin";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}

using ClaudBot.Ssh.Tests.Server;

namespace ClaudBot.Ssh.Tests;

/// <summary>
/// Puts this build of claudbot-node (beside the tests) into the test user's <c>~/claudbot</c>, as setup
/// would: files hard-linked when on one filesystem (instant; read-only to the user), else copied; folders
/// the user's own so the node can write its state, logs and results there.
/// </summary>
internal static class NodeInstall
{
    public const string Folder = "claudbot";

    /// <param name="server">The server to install on.</param>
    /// <param name="throttlePerTask">Slows every backtest on this node (its own appsettings.json), so a job can be caught mid-run.</param>
    public static async Task InstallAsync(ServerHost server, TimeSpan? throttlePerTask = null)
    {
        string target = Path.Combine(server.Home, Folder);
        try
        {
            await RunAsync("cp", "-al", AppContext.BaseDirectory.TrimEnd('/'), target);
        }
        catch (InvalidOperationException)
        {
            // Hard links need one filesystem; a separate /tmp (tmpfs) gets a plain copy.
            await RunAsync("rm", "-rf", target);
            await RunAsync("cp", "-a", AppContext.BaseDirectory.TrimEnd('/'), target);
        }

        await RunAsync("find", target, "-type", "d", "-exec", "chown", $"{server.User}:{server.User}", "{}", "+");
        if (throttlePerTask is { } throttle)
        {
            // A file of the node's own instead of the hard link, so the shared build stays untouched.
            string settings = Path.Combine(target, "appsettings.json");
            var json = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(settings))!.AsObject();
            var cluster = json["Cluster"]?.AsObject() ?? [];
            json["Cluster"] = cluster;
            cluster["ThrottlePerTask"] = throttle.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
            cluster["ChunkSize"] = 1;

            // A killed worker's chunks come back after this long: short, so the test need not wait 30 s.
            cluster["VisibilityTimeout"] = "00:00:02";
            File.Delete(settings);
            await File.WriteAllTextAsync(settings, json.ToJsonString());
        }

        if (!File.Exists(Path.Combine(target, "claudbot-node")))
        {
            // No apphost beside the tests: the same entry point through the shared runtime.
            string launcher = Path.Combine(target, "claudbot-node");
            await File.WriteAllTextAsync(launcher, "#!/bin/sh\nexec dotnet \"$(dirname \"$0\")/claudbot-node.dll\" \"$@\"\n");
            await RunAsync("chmod", "755", launcher);
        }
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo(program) { RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        string error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed: {error}");
        }
    }
}

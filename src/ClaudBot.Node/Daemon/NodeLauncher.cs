using System.Diagnostics;

namespace ClaudBot.Node.Daemon;

/// <summary>
/// Starts <c>claudbot-node run --role ROLE</c> as a daemon: its own session (so closing the terminal
/// does not stop it), no terminal output (it logs to <c>logs/</c>). Arguments are passed as a list,
/// never through a shell command line.
/// </summary>
internal static class NodeLauncher
{
    public static int Start(string role)
    {
        var start = new ProcessStartInfo("setsid") { UseShellExecute = false };
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$0\" \"$@\" </dev/null >/dev/null 2>&1");
        string program = Environment.ProcessPath!;
        start.ArgumentList.Add(program);
        if (Path.GetFileNameWithoutExtension(program) == "dotnet")
        {
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "claudbot-node.dll"));
        }

        start.ArgumentList.Add("run");
        start.ArgumentList.Add("--role");
        start.ArgumentList.Add(role);
        Cluster.NodeRuntimeSettings.Apply(start.Environment);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start claudbot-node.");
        return process.Id;
    }
}

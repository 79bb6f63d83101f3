using System.Globalization;
using ClaudBot.Cluster;

namespace ClaudBot.Ssh;

/// <summary>
/// The only commands the bot runs on the server. Each is built here from constants, validated numbers and
/// choices, and the configured (validated, single-quoted) node folder: text a user typed never reaches a shell.
/// </summary>
public sealed record RemoteCommand(string Name, string Text)
{
    /// <summary>Single-quotes <paramref name="value"/> for a POSIX shell.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    public static RemoteCommand Version(SshTargetOptions options) => Node(options, "version", "version");

    public static RemoteCommand Status(SshTargetOptions options) => Node(options, "status", "status --json");

    public static RemoteCommand Start(SshTargetOptions options) => options.ServiceManager == "systemd"
        ? new RemoteCommand("start", "systemctl --user start claudbot-node.service")
        : Node(options, "start", options.Role == NodeRole.Worker ? "start --role worker" : "start");

    public static RemoteCommand Stop(SshTargetOptions options) => options.ServiceManager == "systemd"
        ? new RemoteCommand("stop", "systemctl --user stop claudbot-node.service")
        : Node(options, "stop", "stop");

    public static RemoteCommand Logs(SshTargetOptions options, NodeRole component, int lines)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lines, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lines, 1000);
        string name = component == NodeRole.Worker ? "worker" : "driver";
        return Node(options, "logs", string.Create(CultureInfo.InvariantCulture, $"logs --component {name} --lines {lines}"));
    }

    public static RemoteCommand Cleanup(SshTargetOptions options, int keep)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keep);
        return Node(options, "cleanup", string.Create(CultureInfo.InvariantCulture, $"cleanup --keep {keep}"));
    }

    // Every node command runs from the node's folder with its own program: `cd '<dir>' && ./claudbot-node ...`.
    private static RemoteCommand Node(SshTargetOptions options, string name, string arguments) =>
        new(name, $"cd {Quote(options.RemoteDirectory)} && ./claudbot-node {arguments}");
}

namespace ClaudBot.Ssh.Setup;

/// <summary>
/// The node's systemd user unit: <c>claudbot-node run{(workersOnly ? " --role worker" : string.Empty)} --pid-file</c> from its folder (the pid file lets <c>status</c> see
/// it), restarted when it fails. <c>Type=notify</c>: the node says READY=1 once it answers, so "started" means ready.
/// </summary>
public static class SystemdUnit
{
    public const string Path = ".config/systemd/user/claudbot-node.service";

    /// <param name="remoteDirectory">The node's folder relative to the home.</param>
    /// <param name="workersOnly">A worker box: the unit runs workers only (and their tunnel to the server's queue).</param>
    public static string Text(string remoteDirectory, bool workersOnly = false) => $"""
        # Written by 'claudbot setup'; running setup again rewrites it.
        [Unit]
        Description={(workersOnly ? "ClaudBot worker box (workers, tunnel to the server's queue)" : "ClaudBot cluster node (driver, worker, embedded Redis)")}
        After=network-online.target

        [Service]
        Type=notify
        WorkingDirectory=%h/{remoteDirectory}
        ExecStart=%h/{remoteDirectory}/claudbot-node run{(workersOnly ? " --role worker" : string.Empty)} --pid-file
        {string.Join("\n", Cluster.NodeRuntimeSettings.Environment.Select(e => $"Environment={e.Key}={e.Value}"))}
        Restart=on-failure
        RestartSec=5
        TimeoutStopSec=15

        [Install]
        WantedBy=default.target

        """;
}

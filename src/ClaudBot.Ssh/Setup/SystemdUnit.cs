namespace ClaudBot.Ssh.Setup;

/// <summary>
/// The node's systemd user unit: <c>claudbot-node run --pid-file</c> from its folder (the pid file lets <c>status</c> see
/// it), restarted when it fails. <c>Type=notify</c>: the node says READY=1 once it answers, so "started" means ready.
/// </summary>
public static class SystemdUnit
{
    public const string Path = ".config/systemd/user/claudbot-node.service";

    public static string Text(string remoteDirectory) => $"""
        # Written by 'claudbot setup'; running setup again rewrites it.
        [Unit]
        Description=ClaudBot cluster node (driver, worker, embedded Redis)
        After=network-online.target

        [Service]
        Type=notify
        WorkingDirectory=%h/{remoteDirectory}
        ExecStart=%h/{remoteDirectory}/claudbot-node run --pid-file
        {string.Join("\n", Cluster.NodeRuntimeSettings.Environment.Select(e => $"Environment={e.Key}={e.Value}"))}
        Restart=on-failure
        RestartSec=5
        TimeoutStopSec=15

        [Install]
        WantedBy=default.target

        """;
}

namespace ClaudBot.Ssh.Setup.Telegram;

/// <summary>
/// The bot's systemd user unit: <c>claudbot telegram</c> from its folder, <c>Type=notify</c> (READY=1 once the bot's host
/// has started), restarted when it fails. The token is in no line of it: the bot reads <c>Telegram:TokenFile</c>.
/// Not bound to the node's unit, so 'start/stop cluster' leave the bot alone (it says the cluster is down meanwhile).
/// </summary>
public static class BotUnit
{
    public static string Text(string remoteDirectory) => $"""
        # Written by 'claudbot setup --telegram'; running it again rewrites it, 'setup --telegram --remove' removes it.
        [Unit]
        Description=ClaudBot Telegram bot (talks to the node on this server)
        After=network-online.target claudbot-node.service

        [Service]
        Type=notify
        WorkingDirectory=%h/{remoteDirectory}/telegram
        ExecStart=%h/{remoteDirectory}/telegram/claudbot telegram
        Restart=on-failure
        RestartSec=5
        TimeoutStopSec=15

        [Install]
        WantedBy=default.target

        """;
}

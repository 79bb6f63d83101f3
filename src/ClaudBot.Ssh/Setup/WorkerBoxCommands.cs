using System.Globalization;
using ClaudBot.Cluster.QueueTunnel;
using static ClaudBot.Ssh.RemoteCommand;

namespace ClaudBot.Ssh.Setup;

/// <summary>
/// The commands <c>setup --worker</c> and <c>--remove-worker</c> run on the box and on the server. Fixed text; the only
/// values put in are validated (host names, key lines, ports, folders) and single-quoted.
/// </summary>
public static class WorkerBoxCommands
{
    /// <summary>The box's key for the tunnel, relative to its home: made there, it never leaves the box.</summary>
    public const string KeyPath = ".ssh/claudbot_queue";

    /// <summary>The server's pinned host key on the box, relative to its home: the only host key the tunnel trusts.</summary>
    public const string KnownHostsPath = ".ssh/claudbot_known_hosts";

    /// <summary>The comment that marks a box's key in the server's authorized_keys, so removing the box finds it.</summary>
    public static string Marker(string boxHost) => "claudbot-box:" + boxHost;

    /// <summary>
    /// The box's key line in the server's authorized_keys: good for one forward to the queue port on the server's loopback
    /// and nothing else (no shell, no pty, no other forward, no agent).
    /// </summary>
    public static string AuthorizedLine(PublicKeyLine boxKey, string boxHost, int queuePort)
    {
        ArgumentNullException.ThrowIfNull(boxKey);
        return string.Create(CultureInfo.InvariantCulture, $"restrict,port-forwarding,permitopen=\"127.0.0.1:{queuePort}\",command=\"/bin/false\" {boxKey.Key} {Marker(boxHost)}");
    }

    /// <summary>Makes the box's key pair unless it exists (<c>made</c> or <c>kept</c>), then prints its public key. Exit 3: no ssh client.</summary>
    public static RemoteCommand BoxKey { get; } = new("box key", $$"""
        command -v ssh >/dev/null 2>&1 && command -v ssh-keygen >/dev/null 2>&1 || exit 3
        umask 077 && mkdir -p "$HOME/.ssh" && chmod 700 "$HOME/.ssh" || exit 1
        k="$HOME/{{KeyPath}}"
        if [ -f "$k" ] && [ -f "$k.pub" ]; then echo kept; else rm -f "$k" "$k.pub"; ssh-keygen -q -t ed25519 -N '' -C claudbot-queue -f "$k" >/dev/null && echo made || exit 1; fi
        cat "$k.pub"
        """);

    /// <summary>On the server: the box's line in authorized_keys (<c>present</c> or <c>added</c>), replacing an older line of the same box.</summary>
    public static RemoteCommand AuthorizeBox(string line, string boxHost) => new("authorize box", $$"""
        umask 077 && mkdir -p "$HOME/.ssh" && chmod 700 "$HOME/.ssh" && f="$HOME/.ssh/authorized_keys" && touch "$f" && chmod 600 "$f" || exit 1
        line={{Quote(line)}}
        if grep -qxF "$line" "$f"; then echo present; exit 0; fi
        {{WithoutMarker(boxHost)}} || exit 1
        { if [ -s "$f" ] && [ -n "$(tail -c 1 "$f")" ]; then echo; fi; printf '%s\n' "$line"; } >> "$f" && echo added
        """);

    /// <summary>On the server: every authorized_keys line of the box goes (<c>removed</c> or <c>absent</c>).</summary>
    public static RemoteCommand RemoveBox(string boxHost) => new("remove box key", $$"""
        f="$HOME/.ssh/authorized_keys"
        [ -f "$f" ] && awk -v m={{Quote(Marker(boxHost))}} '$NF == m { found = 1 } END { exit !found }' "$f" || { echo absent; exit 0; }
        {{WithoutMarker(boxHost)}} && echo removed
        """);

    /// <summary>On the box: logs in to the server as the tunnel will; prints <c>exit=N</c> (255: ssh itself failed).</summary>
    public static RemoteCommand CheckLogin(QueueTunnelOptions tunnel)
    {
        ArgumentNullException.ThrowIfNull(tunnel);
        return new("check queue login", $"ssh {string.Join(' ', tunnel.LoginArguments().Select(Quote))} </dev/null; echo \"exit=$?\"");
    }

    /// <summary>On the box: stops its workers and keeps them from starting again at boot.</summary>
    public static RemoteCommand StopBox(SshTargetOptions box)
    {
        ArgumentNullException.ThrowIfNull(box);
        return box.ServiceManager == "systemd"
            ? new("stop box", "systemctl --user disable --now claudbot-node.service")
            : new("stop box", $"cd {Quote(box.RemoteDirectory)} && ./claudbot-node stop");
    }

    /// <summary>On the server: lets the box's workers finish or hand back what they hold, and waits until they have.</summary>
    public static RemoteCommand Drain(SshTargetOptions server, string boxName)
    {
        ArgumentNullException.ThrowIfNull(server);
        return new("drain box", $"cd {Quote(server.RemoteDirectory)} && ./claudbot-node drain {Quote(boxName)} --wait");
    }

    /// <summary>
    /// On the server: clears the box's drain flag, which a removal leaves behind, so a box joined again under the same
    /// name takes work (a no-op for a box never drained).
    /// </summary>
    public static RemoteCommand Undrain(SshTargetOptions server, string boxName)
    {
        ArgumentNullException.ThrowIfNull(server);
        return new("undrain box", $"cd {Quote(server.RemoteDirectory)} && ./claudbot-node undrain {Quote(boxName)}");
    }

    // authorized_keys without the box's lines, written back into the same file (its owner and mode stay).
    private static string WithoutMarker(string boxHost) =>
        $"awk -v m={Quote(Marker(boxHost))} '$NF != m' \"$f\" > \"$f.claudbot\" && cat \"$f.claudbot\" > \"$f\" && rm -f \"$f.claudbot\"";
}

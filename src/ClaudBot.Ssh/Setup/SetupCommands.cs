using static ClaudBot.Ssh.RemoteCommand;

namespace ClaudBot.Ssh.Setup;

/// <summary>
/// The commands setup runs on the server. Each is fixed text; the only values put in are validated (the
/// public key line, the node folder, file names of the node being uploaded) and single-quoted.
/// </summary>
public static class SetupCommands
{
    /// <summary>Facts about the server, one <c>key=value</c> a line (see <see cref="ServerFacts.Parse"/>).</summary>
    public static RemoteCommand Facts { get; } = new("check server", """
        echo "kernel=$(uname -srm)"
        echo "arch=$(uname -m)"
        echo "os=$( . /etc/os-release 2>/dev/null; echo "$PRETTY_NAME")"
        echo "cores=$(nproc)"
        grep -E '^(MemTotal|SwapTotal):' /proc/meminfo | tr -d ' '
        echo "diskfree=$(df -Pk "$HOME" | awk 'NR==2 {print $4}')"
        if [ -d /run/systemd/system ]; then echo "systemd=$(systemctl --user is-system-running 2>/dev/null)"; else echo "systemd=none"; fi
        echo "linger=$(loginctl show-user "$(id -un)" -p Linger --value 2>/dev/null)"
        if command -v dotnet >/dev/null 2>&1; then dotnet --list-runtimes 2>/dev/null | sed 's/^/runtime=/'; fi
        true
        """);

    /// <summary>Appends the key to ~/.ssh/authorized_keys unless it is there, creating ~/.ssh (700) and the file (600).</summary>
    public static RemoteCommand AuthorizeKey(PublicKeyLine key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new("authorize key", $$"""
            umask 077 && mkdir -p "$HOME/.ssh" && chmod 700 "$HOME/.ssh" && f="$HOME/.ssh/authorized_keys" && touch "$f" && chmod 600 "$f" || exit 1
            if grep -qF {{Quote(key.Key)}} "$f"; then echo present; exit 0; fi
            { if [ -s "$f" ] && [ -n "$(tail -c 1 "$f")" ]; then echo; fi; printf '%s\n' {{Quote(key.Line)}}; } >> "$f" && echo added
            """);
    }

    /// <summary>
    /// SHA-256 and mode of the given files of the node folder (those missing are left out); the two lists
    /// are separated by a line <c>--modes--</c>. Nothing else in the folder is read.
    /// </summary>
    public static RemoteCommand Checksums(string remoteDirectory, IEnumerable<string> relativePaths)
    {
        string files = string.Join(' ', relativePaths.Select(Quote));
        return new("checksums", $"cd {Quote(remoteDirectory)} 2>/dev/null || exit 0; sha256sum -- {files} 2>/dev/null; echo --modes--; stat -c '%a %n' -- {files} 2>/dev/null; exit 0");
    }

    /// <summary>Creates the folders (relative to the home) that uploads go into.</summary>
    public static RemoteCommand MakeDirectories(IEnumerable<string> directories) =>
        new("make folders", "mkdir -p -- " + string.Join(' ', directories.Select(Quote)));

    /// <summary>The node's version from its folder: proves the uploaded program runs there (runtime found, executable).</summary>
    public static RemoteCommand NodeVersion(string remoteDirectory) =>
        new("node version", $"cd {Quote(remoteDirectory)} && ./claudbot-node version");

    /// <summary>Whether sudo works without a password (exit 0) or needs one.</summary>
    public static RemoteCommand SudoWithoutPassword { get; } = new("sudo check", "sudo -n true 2>/dev/null");

    /// <summary>Whether Debian's redis-server is installed and running (prints <c>active</c>).</summary>
    public static RemoteCommand RedisActive { get; } = new("redis check", "command -v redis-server >/dev/null 2>&1 && systemctl is-active redis-server 2>/dev/null");

    /// <summary>
    /// Installs and enables Debian's redis-server. The sudo password (if any) comes on standard input
    /// (<c>sudo -S</c> with an empty prompt), never in the command. Debian's package listens on 127.0.0.1 only.
    /// </summary>
    public static RemoteCommand InstallRedis { get; } = new("install redis",
        "sudo -S -p '' sh -c 'export DEBIAN_FRONTEND=noninteractive; apt-get update -q && apt-get install -y -q redis-server && systemctl enable --now redis-server && redis-cli -p 6379 ping'");

    /// <summary>Whether the node's user unit is enabled (prints <c>enabled</c>).</summary>
    public static RemoteCommand UnitEnabled { get; } = new("unit check", "systemctl --user is-enabled claudbot-node.service 2>/dev/null");

    /// <summary>Makes systemd read the unit and start it at boot (with the user's manager).</summary>
    public static RemoteCommand EnableUnit { get; } = new("enable unit", "systemctl --user daemon-reload && systemctl --user enable claudbot-node.service");

    /// <summary>Keeps the user's services running when nobody is logged in (allowed for one's own user on most systems).</summary>
    public static RemoteCommand EnableLinger { get; } = new("enable linger", "loginctl enable-linger \"$(id -un)\"");
}

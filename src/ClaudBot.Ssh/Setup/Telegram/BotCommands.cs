using static ClaudBot.Ssh.RemoteCommand;

namespace ClaudBot.Ssh.Setup.Telegram;

/// <summary>
/// The commands <c>setup --telegram</c> runs on the server: fixed text, the node folder validated and single-quoted.
/// The token is never in them: it goes to <see cref="WriteToken"/>'s standard input.
/// </summary>
internal static class BotCommands
{
    // The server's config folder by ClaudBotHome's rule: CLAUDBOT_HOME/config, else $XDG_CONFIG_HOME/claudbot, else ~/.config/claudbot.
    private const string ConfigFolder = """
        if [ -n "$CLAUDBOT_HOME" ]; then d="$CLAUDBOT_HOME/config"; else case "$XDG_CONFIG_HOME" in /*) d="$XDG_CONFIG_HOME/claudbot" ;; *) d="$HOME/.config/claudbot" ;; esac; fi
        f="$d/telegram-token"
        """;

    // Whether the pid file names a live 'claudbot telegram' (a stale file after kill -9 names nothing, or another program).
    private const string Running = """
        pidf=run/telegram.pid
        running() { [ -f "$pidf" ] && p=$(cat "$pidf") && [ -n "$p" ] && tr '\0' ' ' < "/proc/$p/cmdline" 2>/dev/null | grep -q 'claudbot telegram'; }
        """;

    /// <summary>The token file's path, and when it exists its mode and SHA-256 (<c>path=</c>, <c>mode=</c>, <c>sha=</c> lines).</summary>
    public static RemoteCommand TokenState { get; } = new("token check", ConfigFolder + """

        echo "path=$f"
        if [ -f "$f" ]; then echo "mode=$(stat -c %a "$f")"; echo "sha=$(sha256sum < "$f" | cut -d' ' -f1)"; fi
        true
        """);

    /// <summary>Writes the first line of standard input to the token file, owner-only from its creation (umask 077), through a temporary name.</summary>
    public static RemoteCommand WriteToken { get; } = new("write token", "umask 077\n" + ConfigFolder + """

        mkdir -p "$d" && IFS= read -r token && printf '%s\n' "$token" > "$d/.telegram-token.new" && chmod 600 "$d/.telegram-token.new" && mv -f "$d/.telegram-token.new" "$f" && echo "$f"
        """);

    public static RemoteCommand RemoveToken { get; } = new("remove token", ConfigFolder + "\nrm -f \"$f\"");

    /// <summary>Prints <c>running PID</c> or <c>stopped</c> for the pid-file daemon.</summary>
    public static RemoteCommand DaemonState(SetupOptions options) =>
        new("bot check", $"cd {Quote(BotPaths.Folder(options))} 2>/dev/null || {{ echo stopped; exit 0; }}\n{Running}\nif running; then echo \"running $p\"; else echo stopped; fi");

    /// <summary>Starts <c>claudbot telegram --pid-file</c> in its own session unless it runs; waits until it has claimed its pid file.</summary>
    public static RemoteCommand DaemonStart(SetupOptions options) => new("start bot", $$"""
        cd {{Quote(BotPaths.Folder(options))}} || exit 1
        {{Running}}
        if running; then echo "running $p"; exit 0; fi
        mkdir -p run logs
        setsid -f ./claudbot telegram --pid-file "$PWD/$pidf" </dev/null >>logs/telegram.log 2>&1
        i=0
        while [ $i -lt 600 ]; do
          if running; then echo "started $p"; exit 0; fi
          i=$((i + 1)); sleep 0.1
        done
        echo "the bot did not start within 60 s; the end of ~/{{BotPaths.Folder(options)}}/logs/telegram.log:"; tail -n 5 logs/telegram.log; exit 1
        """);

    /// <summary>Stops the pid-file daemon (SIGTERM, then SIGKILL after 15 s) if it runs.</summary>
    public static RemoteCommand DaemonStop(SetupOptions options) => new("stop bot", $$"""
        cd {{Quote(BotPaths.Folder(options))}} 2>/dev/null || exit 0
        {{Running}}
        if running; then
          kill "$p"; i=0
          while [ $i -lt 150 ] && kill -0 "$p" 2>/dev/null; do i=$((i + 1)); sleep 0.1; done
          kill -9 "$p" 2>/dev/null; echo "stopped $p"
        fi
        rm -f "$pidf"
        """);

    public static RemoteCommand UnitEnabled { get; } = new("bot unit check", $"systemctl --user is-enabled {BotPaths.ServiceName} 2>/dev/null");

    /// <summary>Reads the unit, enables it and (re)starts it; with Type=notify, systemctl returns once the bot says it is ready.</summary>
    public static RemoteCommand EnableAndStart(bool restart) =>
        new("start bot unit", $"systemctl --user daemon-reload && systemctl --user enable {BotPaths.ServiceName} && systemctl --user {(restart ? "restart" : "start")} {BotPaths.ServiceName}");

    public static RemoteCommand DisableUnit { get; } =
        new("remove bot unit", $"systemctl --user disable --now {BotPaths.ServiceName} 2>/dev/null; rm -f \"$HOME\"/{BotPaths.UnitPath} && systemctl --user daemon-reload");

    /// <summary>The client's version from its folder: proves the uploaded program runs there.</summary>
    public static RemoteCommand Version(SetupOptions options) => new("bot version", $"cd {Quote(BotPaths.Folder(options))} && ./claudbot --version");

    public static RemoteCommand RemoveFolder(SetupOptions options) => new("remove bot files", $"rm -rf -- {Quote(BotPaths.Folder(options))}");
}

using System.Runtime.InteropServices;

namespace ClaudBot.Hosting;

/// <summary>
/// Where ClaudBot keeps the user's settings and state, never in the checkout or the build output:
/// <list type="bullet">
/// <item><c>CLAUDBOT_HOME</c> (tests, several installs side by side): <c>config/</c>, <c>data/</c> and <c>state/</c> under it;</item>
/// <item>macOS: <c>~/Library/Application Support/ClaudBot</c> for all three;</item>
/// <item>Linux and the rest: <c>$XDG_CONFIG_HOME/claudbot</c>, <c>$XDG_DATA_HOME/claudbot</c>, <c>$XDG_STATE_HOME/claudbot</c>
/// (defaults <c>~/.config</c>, <c>~/.local/share</c>, <c>~/.local/state</c>), as git and the .NET SDK do.</item>
/// </list>
/// Settings and secrets live in the config folder; jobs, results and the queue's data in the data folder;
/// logs, pid files, the audit log and caches in the state folder.
/// </summary>
public sealed record ClaudBotHome(string ConfigDirectory, string DataDirectory, string StateDirectory, string? Root)
{
    /// <summary>The environment variable (and configuration key <c>Home</c>) that moves everything under one folder.</summary>
    public const string Variable = "CLAUDBOT_HOME";

    /// <summary>The user's settings, written by <c>claudbot setup</c>; read after the program's <c>appsettings.json</c>.</summary>
    public string SettingsFile => Path.Combine(ConfigDirectory, "settings.json");

    /// <summary>The guide's <c>WORKER_HOST</c>/<c>WORKER_USER</c>/<c>CLUSTER_PORT</c> file.</summary>
    public string DotEnvFile => Path.Combine(ConfigDirectory, ".env");

    public string ResultsDirectory => Path.Combine(DataDirectory, "results");

    public string RedisDirectory => Path.Combine(DataDirectory, "redis");

    public string ChartsDirectory => Path.Combine(DataDirectory, "charts");

    /// <summary>The user's own market data (imported, updated), layered over the bundled data.</summary>
    public string MarketDataDirectory => Path.Combine(DataDirectory, "market");

    public string LogDirectory => Path.Combine(StateDirectory, "logs");

    public string RunDirectory => Path.Combine(StateDirectory, "run");

    public string CacheDirectory => Path.Combine(StateDirectory, "cache");

    public string AuditLog => Path.Combine(StateDirectory, "audit.jsonl");

    public string ChatHistory => Path.Combine(StateDirectory, "chat_history");

    public string PublishDirectory => Path.Combine(StateDirectory, "publish");

    /// <summary>The servers' host keys this user accepted (a trust decision, so with the settings).</summary>
    public string KnownHostsFile => Path.Combine(ConfigDirectory, "known_hosts");

    /// <summary>The user's cost models (<c>NAME.yaml</c>), which override the bundled ones of the same name.</summary>
    public string CostModelsDirectory => Path.Combine(ConfigDirectory, "costs");

    /// <summary>The home of this process: <paramref name="root"/> if given, else <c>CLAUDBOT_HOME</c>, else the platform's folders.</summary>
    public static ClaudBotHome Resolve(string? root = null) =>
        Resolve(root ?? Environment.GetEnvironmentVariable(Variable), Environment.GetEnvironmentVariable, OperatingSystem.IsMacOS());

    /// <summary>The rule itself, with the environment and the platform passed in (tests prove the macOS layout on Linux).</summary>
    public static ClaudBotHome Resolve(string? root, Func<string, string?> environment, bool macOS)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrWhiteSpace(root))
        {
            string full = Path.GetFullPath(root);
            return new ClaudBotHome(Path.Combine(full, "config"), Path.Combine(full, "data"), Path.Combine(full, "state"), full);
        }

        string home = environment("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (macOS)
        {
            string support = Path.Combine(home, "Library", "Application Support", "ClaudBot");
            return new ClaudBotHome(support, support, support, null);
        }

        string Xdg(string variable, string fallback) =>
            Path.Combine(environment(variable) is { Length: > 0 } set && Path.IsPathRooted(set) ? set : Path.Combine(home, fallback), "claudbot");

        return new ClaudBotHome(Xdg("XDG_CONFIG_HOME", ".config"), Xdg("XDG_DATA_HOME", Path.Combine(".local", "share")), Xdg("XDG_STATE_HOME", Path.Combine(".local", "state")), null);
    }

    /// <summary>The settings that put every stored thing in this home; the program's and the user's settings may still move each one.</summary>
    public IReadOnlyDictionary<string, string?> Defaults() => new Dictionary<string, string?>
    {
        ["Cluster:ResultsDirectory"] = ResultsDirectory,
        ["Cluster:LogDirectory"] = LogDirectory,
        ["Cluster:RunDirectory"] = RunDirectory,
        ["Redis:EmbeddedDirectory"] = RedisDirectory,
        ["MarketData:CacheDirectory"] = CacheDirectory,
        ["MarketData:UserDirectory"] = MarketDataDirectory,
        ["Bot:AuditLog"] = AuditLog,
        ["Target:Ssh:KnownHostsFile"] = KnownHostsFile,
        ["Backtest:CostModelsDirectory"] = CostModelsDirectory,
    };

    /// <summary>A short platform name for <c>doctor</c>.</summary>
    public static string Platform => RuntimeInformation.RuntimeIdentifier;
}

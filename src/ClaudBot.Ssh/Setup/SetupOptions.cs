using ClaudBot.Hosting;
using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace ClaudBot.Ssh.Setup;

/// <summary>
/// What <c>claudbot setup</c> was asked to do. Paths on this machine are injectable so tests can run setup
/// in-process against temp folders; the CLI fills them with the home's places (<c>ClaudBotHome</c>).
/// </summary>
public sealed partial record SetupOptions
{
    public required string Host { get; init; }

    public required string User { get; init; }

    public int Port { get; init; } = 22;

    /// <summary>The private key (created when missing); <c>~</c> is the home folder. Written to the settings as given.</summary>
    public string IdentityFile { get; init; } = "~/.ssh/id_ed25519";

    /// <summary>The client's known_hosts (as <see cref="SshTargetOptions.KnownHostsFile"/>: in the home's config folder).</summary>
    public string KnownHostsFile { get; init; } = ClaudBotHome.Resolve().KnownHostsFile;

    /// <summary>The node's folder on the server, relative to the user's home.</summary>
    public string RemoteDirectory { get; init; } = "claudbot";

    public RedisMode Redis { get; init; } = RedisMode.Embedded;

    /// <summary>Answer yes to every question (create the key, trust a new host key).</summary>
    public bool Yes { get; init; }

    /// <summary>The host key fingerprint the user expects (<c>SHA256:…</c>); a new host key is trusted only if it matches.</summary>
    public string? TrustHostKey { get; init; }

    /// <summary>A prebuilt claudbot-node folder to upload instead of publishing one from the source checkout.</summary>
    public string? NodeDirectory { get; init; }

    /// <summary>The client settings file whose <c>Target</c> section setup writes: the user's <c>settings.json</c> in the home's config folder.</summary>
    public string SettingsFile { get; init; } = ClaudBotHome.Resolve().SettingsFile;

    /// <summary>Where published nodes are kept (one folder per runtime and kind) between runs, in the home's state folder.</summary>
    public string PublishDirectory { get; init; } = ClaudBotHome.Resolve().PublishDirectory;

    /// <summary>This home's imported market data (<c>MarketData:UserDirectory</c>), which setup and <c>claudbot data push</c> send to the server.</summary>
    public string UserDataDirectory { get; init; } = ClaudBotHome.Resolve().MarketDataDirectory;

    /// <summary>Where to start looking upwards for the source checkout (<c>src/ClaudBot.Node/ClaudBot.Node.csproj</c>).</summary>
    public string ProgramDirectory { get; init; } = AppContext.BaseDirectory;

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Set for <c>setup --telegram</c>: the bot as a service on the server (after the server's own setup).</summary>
    public Telegram.TelegramSetupOptions? Telegram { get; init; }

    /// <summary>
    /// Set for <c>setup --worker</c>: the server (the client's <c>Target:Ssh</c>) whose queue this host's workers join.
    /// <see cref="Host"/> and <see cref="User"/> are then the worker box's.
    /// </summary>
    public SshTargetOptions? Server { get; init; }

    public bool IsWorkerBox => Server is not null;

    /// <summary>The options a data push needs: the server of an SSH target, and this home's data folder.</summary>
    public static SetupOptions ForDataPush(SshTargetOptions target, string userDataDirectory) =>
        ForTarget(target) with { UserDataDirectory = userDataDirectory };

    /// <summary>The host of an SSH target (the server, or a box through <see cref="SshTargetOptions.ForBox"/>), to connect to as setup does.</summary>
    public static SetupOptions ForTarget(SshTargetOptions target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new SetupOptions
        {
            Host = target.Host,
            User = target.User,
            Port = target.Port,
            IdentityFile = target.IdentityFile,
            KnownHostsFile = target.KnownHostsFile,
            RemoteDirectory = target.RemoteDirectory,
        };
    }

    public SshTargetOptions Target => new()
    {
        Host = Host,
        User = User,
        Port = Port,
        IdentityFile = IdentityFile,
        KnownHostsFile = KnownHostsFile,
        RemoteDirectory = RemoteDirectory,
        ConnectTimeout = ConnectTimeout,
    };

    /// <summary>What is wrong with the arguments (empty when nothing is): each a sentence saying what to type instead.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Host))
        {
            errors.Add("--host is required (the server's name or address), or set WORKER_HOST.");
        }

        if (string.IsNullOrWhiteSpace(User))
        {
            errors.Add("--user is required (your user on the server), or set WORKER_USER.");
        }

        var target = Target;
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(target, new ValidationContext(target), results, validateAllProperties: true);
        errors.AddRange(results.Select(r => Flags(r.ErrorMessage ?? string.Empty)));
        if (TrustHostKey is { } fingerprint && !FingerprintPattern().IsMatch(fingerprint))
        {
            errors.Add($"--trust-host-key must be a SHA256 fingerprint as ssh-keygen -l prints it (SHA256: and 43 base64 characters), not '{fingerprint}'.");
        }

        if (Server is { } server && (server.Host.Length == 0 || server.User.Length == 0))
        {
            errors.Add("--worker joins a box to the server that 'claudbot setup --host HOST --user USER' set up, and there is none in the settings yet: set up the server first.");
        }

        if (Server is { } joined && string.Equals(joined.Host, Host, StringComparison.OrdinalIgnoreCase) && joined.Port == Port)
        {
            errors.Add($"--worker {Host} is the server itself; a worker box is another host.");
        }

        if (NodeDirectory is { } node && !Directory.Exists(node))
        {
            errors.Add($"--node-dir {node} does not exist.");
        }

        return errors;
    }

    /// <summary>The fingerprint as ssh-keygen prints it, whether or not the user typed the <c>SHA256:</c> prefix.</summary>
    public string? ExpectedFingerprint => TrustHostKey is { } f ? (f.StartsWith("SHA256:", StringComparison.Ordinal) ? f : "SHA256:" + f).TrimEnd('=') : null;

    // The target's messages name settings; setup's user typed flags.
    private static string Flags(string message) => message
        .Replace("Target:Ssh:Host", "--host", StringComparison.Ordinal)
        .Replace("Target:Ssh:User", "--user", StringComparison.Ordinal)
        .Replace("Target:Ssh:Port", "--port", StringComparison.Ordinal)
        .Replace("Target:Ssh:RemoteDirectory", "--remote-dir", StringComparison.Ordinal);

    [GeneratedRegex("^(SHA256:)?[A-Za-z0-9+/]{43}=?$")]
    private static partial Regex FingerprintPattern();
}

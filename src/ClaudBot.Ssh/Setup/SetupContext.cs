namespace ClaudBot.Ssh.Setup;

/// <summary>What the steps of one setup run share: the request, the user, and what earlier steps found.</summary>
public sealed class SetupContext(SetupOptions options, ISetupConsole console, IPasswordSource passwords)
{
    public SetupOptions Options => options;

    public ISetupConsole Console => console;

    public IPasswordSource Passwords => passwords;

    /// <summary>The client's public key (from the key step).</summary>
    public PublicKeyLine? PublicKey { get; set; }

    /// <summary>The server, as the check step found it.</summary>
    public ServerFacts? Facts { get; set; }

    /// <summary>The node folder on this machine to upload (published or given).</summary>
    public string? NodeDirectory { get; set; }

    /// <summary>The market data folder on this machine to upload.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>The node's Redis port on the server's loopback (what the client tunnels to).</summary>
    public int RedisPort { get; set; } = 6399;

    /// <summary><c>systemd</c> or <c>pidfile</c>, from the service step.</summary>
    public string? ServiceManager { get; set; }

    /// <summary>Files written to the server in this run (uploads and settings).</summary>
    public int FilesUploaded { get; set; }

    public long BytesUploaded { get; set; }

    /// <summary>A program file of the node changed: a running node must be restarted to use it.</summary>
    public bool NodeChanged { get; set; }

    /// <summary>The published claudbot folder on this machine that the bot service runs (setup --telegram).</summary>
    public string? BotDirectory { get; set; }

    /// <summary>The bot's token file on the server (absolute), from the token step.</summary>
    public string? BotTokenFile { get; set; }

    /// <summary>The bot's program, settings or token changed: a running bot must be restarted to use them.</summary>
    public bool BotChanged { get; set; }
    /// <summary>A worker box's own key for the tunnel to the server's queue (made on the box).</summary>
    public PublicKeyLine? BoxKey { get; set; }

    /// <summary>The key-login connection (from the login step on).</summary>
    internal SetupConnection? Connection { get; set; }

    internal SetupConnection Server => Connection ?? throw new InvalidOperationException("Not connected to the server yet.");
}

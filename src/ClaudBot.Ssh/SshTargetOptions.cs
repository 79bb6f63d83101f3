using System.ComponentModel.DataAnnotations;
using ClaudBot.Hosting;

namespace ClaudBot.Ssh;

/// <summary>
/// The server the <c>ssh</c> target drives (section <c>Target:Ssh</c>, written by <c>claudbot setup</c>).
/// The guide's variables <c>WORKER_HOST</c>, <c>WORKER_USER</c> and <c>CLUSTER_PORT</c> (environment or a
/// <c>.env</c> file in the home's config folder) override it.
/// </summary>
public sealed class SshTargetOptions
{
    public const string Section = "Target:Ssh";

    /// <summary>The server's name or address.</summary>
    [RegularExpression(@"^[A-Za-z0-9]([A-Za-z0-9.:-]{0,252}[A-Za-z0-9])?$", ErrorMessage = "Target:Ssh:Host must be a host name or an IP address.")]
    public string Host { get; set; } = string.Empty;

    [RegularExpression("^[a-z_][a-z0-9_-]{0,31}$", ErrorMessage = "Target:Ssh:User must be a Linux user name (lower-case letters, digits, '_' and '-').")]
    public string User { get; set; } = string.Empty;

    [Range(1, 65535, ErrorMessage = "Target:Ssh:Port must be between 1 and 65535.")]
    public int Port { get; set; } = 22;

    /// <summary>The private key (OpenSSH format); <c>~</c> is the home folder.</summary>
    public string IdentityFile { get; set; } = "~/.ssh/id_ed25519";

    /// <summary>Host keys seen and accepted, OpenSSH <c>known_hosts</c> format; by default in the home's config folder.</summary>
    public string KnownHostsFile { get; set; } = ClaudBotHome.Resolve().KnownHostsFile;

    /// <summary>Where the node lives on the server, relative to the user's home (letters, digits, <c>._/-</c>).</summary>
    [RegularExpression(@"^(?!.*\.\.)[A-Za-z0-9._/-]{1,200}$", ErrorMessage = "Target:Ssh:RemoteDirectory may hold only letters, digits, '.', '_', '/', '-' and no '..'.")]
    public string RemoteDirectory { get; set; } = "claudbot";

    /// <summary><c>pidfile</c> (the node's own daemon mode) or <c>systemd</c> (user units installed by setup).</summary>
    [RegularExpression("^(pidfile|systemd)$", ErrorMessage = "Target:Ssh:ServiceManager must be 'pidfile' or 'systemd'.")]
    public string ServiceManager { get; set; } = "pidfile";

    /// <summary>The node's Redis port on the server's loopback (reached through the SSH tunnel only).</summary>
    [Range(1, 65535)]
    public int RedisPort { get; set; } = 6399;

    /// <summary>The dashboard's port on the server, forwarded to the same port on this machine's loopback while the bot runs.</summary>
    [Range(1, 65535)]
    public int DashboardPort { get; set; } = 3000;

    [Range(typeof(TimeSpan), "00:00:01", "00:01:00", ErrorMessage = "Target:Ssh:ConnectTimeout must be between 1 and 60 seconds.")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Longest a remote command may run (start waits for the node to come up).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Worker boxes joined to this server (<c>claudbot setup --worker</c>); start, stop and logs reach each.</summary>
    public IList<WorkerBoxOptions> Workers { get; set; } = [];

    /// <summary>What runs on this host: the whole node (the server), or workers only (a worker box).</summary>
    public Cluster.NodeRole Role { get; set; } = Cluster.NodeRole.All;

    /// <summary>The same target pointed at one of its worker boxes: the box's host and folder, this target's key and known_hosts.</summary>
    public SshTargetOptions ForBox(WorkerBoxOptions box)
    {
        ArgumentNullException.ThrowIfNull(box);
        return new SshTargetOptions
        {
            Host = box.Host,
            User = box.User,
            Port = box.Port,
            RemoteDirectory = box.RemoteDirectory,
            ServiceManager = box.ServiceManager,
            Role = Cluster.NodeRole.Worker,
            IdentityFile = IdentityFile,
            KnownHostsFile = KnownHostsFile,
            RedisPort = RedisPort,
            ConnectTimeout = ConnectTimeout,
            KeepAliveInterval = KeepAliveInterval,
            CommandTimeout = CommandTimeout,
        };
    }

    public string ResolveIdentityFile() => ExpandHome(IdentityFile);

    public string ResolveKnownHostsFile() => Path.GetFullPath(ExpandHome(KnownHostsFile), AppContext.BaseDirectory);

    /// <summary>Where the user is: <c>user@host:port</c>.</summary>
    public string Describe() => Port == 22 ? $"{User}@{Host}" : $"{User}@{Host}:{Port}";

    private static string ExpandHome(string path) =>
        path.StartsWith('~') ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path.TrimStart('~', '/')) : path;
}

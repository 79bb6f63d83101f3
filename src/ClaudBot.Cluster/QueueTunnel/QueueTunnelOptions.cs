using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace ClaudBot.Cluster.QueueTunnel;

/// <summary>
/// A worker box's way to the server's queue (section <c>QueueTunnel</c>, written by <c>claudbot setup --worker</c>): an
/// OpenSSH local forward from this box's loopback to the queue port on the server's loopback, with a key made on this
/// box that the server accepts for that one forward only, and the server's host key pinned. Empty <see cref="Host"/>: no tunnel.
/// </summary>
public sealed class QueueTunnelOptions
{
    public const string Section = "QueueTunnel";

    /// <summary>The server's name or address as this box reaches it.</summary>
    [RegularExpression(@"^([A-Za-z0-9]([A-Za-z0-9.:-]{0,252}[A-Za-z0-9])?)?$", ErrorMessage = "QueueTunnel:Host must be a host name or an IP address.")]
    public string Host { get; set; } = string.Empty;

    [RegularExpression("^([a-z_][a-z0-9_-]{0,31})?$", ErrorMessage = "QueueTunnel:User must be a Linux user name.")]
    public string User { get; set; } = string.Empty;

    [Range(1, 65535)]
    public int Port { get; set; } = 22;

    /// <summary>This box's private key for the tunnel (made on the box by setup), an absolute path.</summary>
    public string IdentityFile { get; set; } = string.Empty;

    /// <summary>The server's pinned host key (OpenSSH known_hosts format), an absolute path; nothing else is trusted.</summary>
    public string KnownHostsFile { get; set; } = string.Empty;

    /// <summary>The queue's port on the server's loopback.</summary>
    [Range(1, 65535)]
    public int RemotePort { get; set; } = 6399;

    /// <summary>The port on this box's loopback the workers connect to (<c>Redis:ConnectionString</c> names it).</summary>
    [Range(1, 65535)]
    public int LocalPort { get; set; } = 6399;

    public bool Enabled => Host.Length > 0;

    /// <summary>The server as a message names it: <c>user@host:port</c>.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{User}@{Host}:{Port}");

    /// <summary>
    /// The OpenSSH client's arguments for the tunnel, as a list (never through a shell): no command (<c>-N</c>), exit when
    /// the forward cannot be made or the server stops answering for 15 s.
    /// </summary>
    public IReadOnlyList<string> SshArguments() =>
    [
        "-N",
        "-o", "ExitOnForwardFailure=yes",
        "-o", "ServerAliveInterval=5",
        "-o", "ServerAliveCountMax=3",
        "-L", string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{LocalPort}:127.0.0.1:{RemotePort}"),
        .. LoginArguments(),
    ];

    /// <summary>
    /// Logging in as the tunnel does, and nothing else: no prompt (<c>BatchMode</c>), only the pinned host key, only this
    /// box's key. The server runs its forced command (<c>/bin/false</c>, exit 1) for a session; ssh's own failures are 255.
    /// </summary>
    public IReadOnlyList<string> LoginArguments() =>
    [
        "-T",
        "-o", "BatchMode=yes",
        "-o", "ConnectTimeout=10",
        "-o", "StrictHostKeyChecking=yes",
        "-o", "UserKnownHostsFile=" + KnownHostsFile,
        "-o", "GlobalKnownHostsFile=/dev/null",
        "-o", "IdentitiesOnly=yes",
        "-o", "IdentityFile=" + IdentityFile,
        "-p", Port.ToString(CultureInfo.InvariantCulture),
        "-l", User,
        Host,
    ];
}

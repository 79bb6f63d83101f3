using System.ComponentModel.DataAnnotations;

namespace ClaudBot.Ssh;

/// <summary>
/// A worker box of the SSH target (an item of <c>Target:Ssh:Workers</c>, written by <c>claudbot setup --worker</c>): a
/// further server that runs workers only, reaching the server's queue through its own tunnel. Reached from here with the
/// target's key and known_hosts, like the server.
/// </summary>
public sealed class WorkerBoxOptions
{
    [Required(ErrorMessage = "Target:Ssh:Workers: every box needs a Host.")]
    [RegularExpression(@"^[A-Za-z0-9]([A-Za-z0-9.:-]{0,252}[A-Za-z0-9])?$", ErrorMessage = "Target:Ssh:Workers: Host must be a host name or an IP address.")]
    public string Host { get; set; } = string.Empty;

    [RegularExpression("^[a-z_][a-z0-9_-]{0,31}$", ErrorMessage = "Target:Ssh:Workers: User must be a Linux user name.")]
    public string User { get; set; } = string.Empty;

    [Range(1, 65535)]
    public int Port { get; set; } = 22;

    [RegularExpression(@"^(?!.*\.\.)[A-Za-z0-9._/-]{1,200}$", ErrorMessage = "Target:Ssh:Workers: RemoteDirectory may hold only letters, digits, '.', '_', '/', '-' and no '..'.")]
    public string RemoteDirectory { get; set; } = "claudbot";

    [RegularExpression("^(pidfile|systemd)$")]
    public string ServiceManager { get; set; } = "pidfile";

    /// <summary>The name the box's workers report as their box, and the prefix of their worker names: its host, made file-name safe.</summary>
    public static string BoxName(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.Replace(':', '-');
    }
}

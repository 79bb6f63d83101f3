using System.Diagnostics;
using System.Globalization;

namespace ClaudBot.Ssh.Tests.Server;

/// <summary>
/// Debian's OpenSSH sshd run inside the fixture's network namespace with its own config, host key, pid file
/// and log in <c>FOLDER/sshd</c> (root only). Debian's system sshd and its config are never touched.
/// </summary>
internal sealed class SshDaemon(FixtureNames names)
{
    public const int Port = 22;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);

    private string Folder => Path.Combine(names.Folder, "sshd");

    public string ConfigPath => Path.Combine(Folder, "sshd_config");

    public string PidPath => Path.Combine(Folder, "sshd.pid");

    public string LogPath => Path.Combine(Folder, "sshd.log");

    private string KeyPath => Path.Combine(Folder, "ssh_host_ed25519_key");

    /// <summary>Writes a fresh ed25519 host key over any previous one; sshd reads it when it next starts.</summary>
    public async Task<HostKey> NewHostKeyAsync(CancellationToken ct)
    {
        UnixFolder.Create(Folder, UnixFolder.OwnerOnly);
        File.Delete(KeyPath);
        File.Delete(KeyPath + ".pub");
        await HostCommand.RunCheckedAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "", "-f", KeyPath], ct: ct);
        return HostKey.FromPublicLine(await File.ReadAllTextAsync(KeyPath + ".pub", ct));
    }

    public void WriteConfig(string listenAddress) => File.WriteAllText(ConfigPath, $"""
        # ClaudBot test server {names.Namespace}: only {listenAddress}, only {names.User}.
        ListenAddress {listenAddress}
        Port {Port}
        HostKey {KeyPath}
        PidFile {PidPath}
        LogLevel VERBOSE
        PubkeyAuthentication yes
        # setup logs in once with the password, then installs its key
        PasswordAuthentication yes
        PermitEmptyPasswords no
        KbdInteractiveAuthentication no
        UsePAM no
        PermitRootLogin no
        AllowUsers {names.User}
        AuthorizedKeysFile .ssh/authorized_keys
        StrictModes yes
        Subsystem sftp internal-sftp
        # the client forwards Redis and the dashboard
        AllowTcpForwarding yes
        X11Forwarding no
        PrintMotd no
        UseDNS no
        # a vanished client is noticed within 15 s
        ClientAliveInterval 5
        ClientAliveCountMax 3

        """);

    /// <summary>Starts sshd in the namespace (it daemonises) and waits until its port accepts from the host side.</summary>
    public async Task StartAsync(string listenAddress, CancellationToken ct)
    {
        // sshd refuses to start without its privilege-separation folder, which only systemd would create.
        Directory.CreateDirectory("/run/sshd");
        var started = await HostCommand.RunAsync("ip", ["netns", "exec", names.Namespace, "/usr/sbin/sshd", "-f", ConfigPath, "-E", LogPath], ct);
        if (!started.Succeeded)
        {
            throw new InvalidOperationException(
                $"sshd in {names.Namespace} exited with {started.ExitCode}: {started.Error.Trim()} (log: {LogPath})");
        }

        await TcpProbe.WaitUntilAcceptingAsync(listenAddress, Port, StartTimeout, ct);
    }

    /// <summary>Kills the listening sshd and waits until its port refuses; sessions already open are separate processes and stay.</summary>
    public async Task StopAsync(string listenAddress, CancellationToken ct)
    {
        await KillAsync(ct);
        await TcpProbe.WaitUntilRefusedAsync(listenAddress, Port, StartTimeout, ct);
    }

    /// <summary>SIGKILL to the pid in the pid file, if that process is an sshd; then the pid file goes.</summary>
    public async Task KillAsync(CancellationToken ct)
    {
        if (!File.Exists(PidPath) || !int.TryParse(await File.ReadAllTextAsync(PidPath, ct), CultureInfo.InvariantCulture, out int pid))
        {
            return;
        }

        if (IsRunningSshd(pid))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
            }
            catch (ArgumentException)
            {
                // Exited between the check and the kill.
            }

            var clock = Stopwatch.StartNew();
            while (IsRunningSshd(pid) && clock.Elapsed < StartTimeout)
            {
                await Task.Delay(10, ct);
            }
        }

        File.Delete(PidPath);
    }

    /// <summary>A live (not zombie) process whose command is sshd; a recycled pid of another program is left alone.</summary>
    private static bool IsRunningSshd(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            int close = stat.LastIndexOf(')');
            string command = stat[(stat.IndexOf('(', StringComparison.Ordinal) + 1)..close];
            char state = stat[close + 2];
            return command == "sshd" && state != 'Z' && state != 'X';
        }
        catch (IOException)
        {
            return false;
        }
    }
}

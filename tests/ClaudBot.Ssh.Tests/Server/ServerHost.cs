using System.Security.Cryptography;
using ClaudBot.Testing;

namespace ClaudBot.Ssh.Tests.Server;

/// <summary>
/// The remote server ("i7") as a second host: a network namespace with its own address on a veth pair, a
/// real OpenSSH sshd listening only there on port 22, and a Linux user of its own with a home in a temp
/// folder (the namespace shares the host's filesystem). Instances are independent, so tests may run in
/// parallel; leftovers of crashed runs are cleared before the first one starts. Needs root, iproute2 and
/// openssh-server.
/// </summary>
public sealed class ServerHost : IAsyncDisposable
{
    private const string PasswordAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private readonly FixtureNames _names;
    private readonly SshDaemon _sshd;
    private HostKey _hostKey;
    private int _disposed;

    private ServerHost(FixtureNames names, VethSubnet subnet, string password, SshDaemon sshd, HostKey hostKey)
    {
        _names = names;
        _sshd = sshd;
        _hostKey = hostKey;
        Address = subnet.NamespaceAddress;
        HostSideAddress = subnet.HostAddress;
        Password = password;
    }

    /// <summary>The server's address, in the namespace (10.213.x.y+2).</summary>
    public string Address { get; }

    /// <summary>The host's end of the veth pair (10.213.x.y+1): how the server reaches a service on this host.</summary>
    public string HostSideAddress { get; }

    public int Port { get; } = SshDaemon.Port;

    public string User => _names.User;

    public string Password { get; }

    public string Home => _names.Home;

    /// <summary>The network namespace, for <c>ip netns exec</c>.</summary>
    public string NamespaceName => _names.Namespace;

    /// <summary>Unpadded base64 without <c>SHA256:</c>, as SSH.NET's <c>HostKeyEventArgs.FingerPrintSHA256</c> gives it.</summary>
    public string HostKeyFingerprintSha256 => _hostKey.FingerprintSha256;

    /// <summary><c>ssh-ed25519 AAAA…</c>: a known_hosts entry is <c>{Address} {HostKeyPublicLine}</c>.</summary>
    public string HostKeyPublicLine => _hostKey.PublicLine;

    public string SshdLog => _sshd.LogPath;

    public static async Task<ServerHost> StartAsync(CancellationToken ct = default)
    {
        QuickRun.Refuse("sshd in a network namespace");
        FixturePrerequisites.Check();
        await StaleFixtures.CleanOnceAsync();
        UnixFolder.Create(FixtureNames.Root, UnixFolder.ReadableByAll);
        var names = FixtureNames.NewRandom();
        while (Directory.Exists(names.Folder) || File.Exists($"/run/netns/{names.Namespace}"))
        {
            names = FixtureNames.NewRandom();
        }

        try
        {
            // The user walks through this root-owned folder to its home.
            UnixFolder.Create(names.Folder, UnixFolder.ReadableByAll);
            FixtureOwner.Write(names.Folder);
            var subnet = await NetworkSetup.CreateAsync(names, ct);
            string password = RandomNumberGenerator.GetString(PasswordAlphabet, 24);
            await UserAccount.CreateAsync(names, password, ct);
            var sshd = new SshDaemon(names);
            var hostKey = await sshd.NewHostKeyAsync(ct);
            sshd.WriteConfig(subnet.NamespaceAddress);
            await sshd.StartAsync(subnet.NamespaceAddress, ct);
            return new ServerHost(names, subnet, password, sshd, hostKey);
        }
        catch
        {
            await FixtureTeardown.RunAsync(names);
            throw;
        }
    }

    /// <summary>Appends a public key line (a .pub file's text will do) to ~/.ssh/authorized_keys.</summary>
    public void AuthorizeKey(string publicKeyLine)
    {
        string line = publicKeyLine.Trim();
        if (line.Length == 0 || line.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException("Expected one public key line.", nameof(publicKeyLine));
        }

        // The file was made by setup, owned by the user with mode 600; appending keeps both.
        File.AppendAllText(UserAccount.AuthorizedKeys(Home), line + "\n");
    }

    public void ClearAuthorizedKeys() => File.WriteAllText(UserAccount.AuthorizedKeys(Home), "");

    /// <summary>Kills the listening sshd and waits until connections are refused; open sessions stay (see <see cref="KillUserProcessesAsync"/>).</summary>
    public Task StopSshdAsync(CancellationToken ct = default) => _sshd.StopAsync(Address, ct);

    public Task StartSshdAsync(CancellationToken ct = default) => _sshd.StartAsync(Address, ct);

    /// <summary>A new host key (as after a reinstall); sshd is restarted with it and the key properties follow.</summary>
    public async Task ChangeHostKeyAsync(CancellationToken ct = default)
    {
        await _sshd.StopAsync(Address, ct);
        _hostKey = await _sshd.NewHostKeyAsync(ct);
        await _sshd.StartAsync(Address, ct);
    }

    /// <summary>
    /// Runs a bash command as the user inside the namespace (a login shell in the home folder, with a clean
    /// environment, as over SSH). Output is standard output and standard error together.
    /// A background process must not keep the output open: start it with <c>setsid -f … &gt;/dev/null 2&gt;&amp;1</c>.
    /// </summary>
    public async Task<(int ExitCode, string Output)> RunAsUserAsync(string bashCommand, CancellationToken ct = default)
    {
        var result = await HostCommand.RunAsync(
            "ip",
            ["netns", "exec", NamespaceName, "runuser", "--login", User, "--command", "exec 2>&1\n" + bashCommand],
            standardInput: null,
            workingDirectory: Home,
            ct);
        return (result.ExitCode, result.Output + result.Error);
    }

    /// <summary>SIGKILL to every process of the user, or only those whose command line matches the pkill pattern.</summary>
    public Task KillUserProcessesAsync(string? pattern = null, CancellationToken ct = default) =>
        FixtureTeardown.KillUserProcessesAsync(User, pattern, ct);

    /// <summary>Ends every open SSH session of the user (both of sshd's processes for each), as a server going away does.</summary>
    public Task EndSessionsAsync(CancellationToken ct = default) => FixtureTeardown.KillSessionsAsync(User, ct);

    /// <summary>Kills the user's processes and sshd, deletes the namespace (and veth), the user and the folder. Never throws.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await FixtureTeardown.RunAsync(_names);
        }
    }
}

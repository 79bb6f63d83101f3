using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using ClaudBot.Ssh.Tests.Server;
using Renci.SshNet;
using Renci.SshNet.Common;
using Renci.SshNet.Messages.Transport;
using Xunit.Abstractions;

namespace ClaudBot.Ssh.Tests;

/// <summary>
/// The second-machine fixture checked with the real SSH.NET client: each test gets its own
/// <see cref="ServerHost"/> (netns, sshd, user) and its own client key.
/// </summary>
[Trait("Category", "RealServer")]
public sealed class ServerFixtureTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);
    private string _keys = "";
    private ServerHost _server = null!;
    private string _identity = "";

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        _server = await ServerHost.StartAsync();
        output.WriteLine($"ServerHost start: {clock.ElapsedMilliseconds} ms ({_server.User}@{_server.Address})");
        _keys = Directory.CreateTempSubdirectory("claudbot-sshkey-").FullName;
        (_identity, string publicLine) = await ClientKeys.CreateAsync(_keys);
        _server.AuthorizeKey(publicLine);
    }

    public async Task DisposeAsync()
    {
        if (_server is { } server)
        {
            var clock = Stopwatch.StartNew();
            await server.DisposeAsync();
            output.WriteLine($"ServerHost dispose: {clock.ElapsedMilliseconds} ms");
        }

        if (_keys.Length > 0)
        {
            Directory.Delete(_keys, recursive: true);
        }
    }

    [Fact]
    public void KeyLogin_RunsAsTheUser_InItsHome_OnTheNamespaceAddress()
    {
        using var ssh = Pinned(new SshClient(KeyLogin(_server, _identity)), _server);
        ssh.Connect();

        var result = ssh.RunCommand("whoami; pwd; hostname -I");

        Assert.Equal(0, result.ExitStatus);
        Assert.Equal([_server.User, _server.Home, _server.Address], Lines(result.Result));
    }

    [Fact]
    public void PasswordLogin_Works_AndAWrongPassword_IsAnAuthenticationFailure()
    {
        using (var ssh = Pinned(new SshClient(PasswordLogin(_server, _server.Password)), _server))
        {
            ssh.Connect();
            Assert.Equal(_server.User, ssh.RunCommand("whoami").Result.Trim());
        }

        using var wrong = Pinned(new SshClient(PasswordLogin(_server, _server.Password + "x")), _server);
        var refused = Assert.Throws<SshAuthenticationException>(wrong.Connect);
        Assert.Contains("Permission denied", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostKeyReceived_ShowsTheFixturesFingerprint_InSshKeygensFormat()
    {
        HostKeyEventArgs? seen = null;
        using var ssh = new SshClient(KeyLogin(_server, _identity));
        ssh.HostKeyReceived += (_, e) => seen = e;
        ssh.Connect();

        Assert.NotNull(seen);
        Assert.Equal(_server.HostKeyFingerprintSha256, seen.FingerPrintSHA256);
        Assert.Equal("ssh-ed25519", seen.HostKeyName);
        Assert.Equal(_server.HostKeyPublicLine, $"{seen.HostKeyName} {Convert.ToBase64String(seen.HostKey)}");
        // ssh-keygen prints "256 SHA256:<unpadded base64> comment (ED25519)"; SSH.NET drops only the prefix.
        string keyFile = Path.Combine(_keys, "known_hosts");
        await File.WriteAllTextAsync(keyFile, $"{_server.Address} {_server.HostKeyPublicLine}\n");
        var listed = await HostCommand.RunCheckedAsync("ssh-keygen", ["-l", "-f", keyFile]);
        Assert.Equal("SHA256:" + seen.FingerPrintSHA256, listed.Split(' ')[1]);
        Assert.DoesNotContain('=', seen.FingerPrintSHA256);
    }

    [Fact]
    public void AWrongFingerprint_SetToUntrusted_FailsConnect_AsAKeyExchangeFailure()
    {
        using var ssh = new SshClient(KeyLogin(_server, _identity));
        ssh.HostKeyReceived += (_, e) => e.CanTrust = e.FingerPrintSHA256 == "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

        var refused = Assert.Throws<SshConnectionException>(ssh.Connect);

        Assert.Equal("Host key could not be verified.", refused.Message);
        // SSH.NET 2026.0.0 reports KeyExchangeFailed here, not HostKeyNotVerifiable: the message is what tells them apart.
        Assert.Equal(DisconnectReason.KeyExchangeFailed, refused.DisconnectReason);
    }

    [Fact]
    public void AKeyThatIsNotAuthorized_IsRefused_WithAnAuthenticationFailure()
    {
        _server.ClearAuthorizedKeys();

        using var ssh = Pinned(new SshClient(KeyLogin(_server, _identity)), _server);
        var refused = Assert.Throws<SshAuthenticationException>(ssh.Connect);

        // SSH.NET names the methods it tried, not the ones the server offers.
        Assert.Equal("Permission denied (publickey).", refused.Message);
    }

    [Fact]
    public async Task SftpUpload_OfOneMegabyte_ArrivesIntact_OwnedByTheUser()
    {
        byte[] data = RandomNumberGenerator.GetBytes(1024 * 1024);
        using var sftp = Pinned(new SftpClient(KeyLogin(_server, _identity)), _server);
        await sftp.ConnectAsync(CancellationToken.None);

        await sftp.UploadFileAsync(new MemoryStream(data), "upload.bin", CancellationToken.None);

        string local = Path.Combine(_server.Home, "upload.bin");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(data)), Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(local))));
        var (exitCode, stat) = await _server.RunAsUserAsync("stat -c '%U %s' upload.bin");
        Assert.Equal((0, $"{_server.User} {data.Length}"), (exitCode, stat.Trim()));
    }

    [Fact]
    public async Task ALocalForward_ReachesAnEchoServer_OnTheServersLoopback()
    {
        // Perl (perl-base is always installed on Debian) rather than python3, which a fresh machine may lack.
        const string Echo = """
            setsid -f perl -MIO::Socket::INET -e '$s = IO::Socket::INET->new(LocalAddr => "127.0.0.1", LocalPort => 7000, Listen => 5, ReuseAddr => 1) or die "$!"; while ($c = $s->accept) { while (sysread($c, $b, 4096)) { syswrite($c, $b) } close $c }' </dev/null >/dev/null 2>&1
            for i in $(seq 200); do (exec 3<>/dev/tcp/127.0.0.1/7000) 2>/dev/null && exit 0; sleep 0.02; done; exit 1
            """;
        Assert.Equal(0, (await _server.RunAsUserAsync(Echo)).ExitCode);
        using var ssh = Pinned(new SshClient(KeyLogin(_server, _identity)), _server);
        ssh.Connect();
        using var forward = new ForwardedPortLocal("127.0.0.1", 0, "127.0.0.1", 7000);
        ssh.AddForwardedPort(forward);
        forward.Start();

        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", (int)forward.BoundPort);
        var stream = tcp.GetStream();
        byte[] sent = Encoding.ASCII.GetBytes("hello through the tunnel");
        await stream.WriteAsync(sent);
        byte[] received = new byte[sent.Length];
        await stream.ReadExactlyAsync(received);

        Assert.NotEqual(0u, forward.BoundPort);
        Assert.Equal(sent, received);
    }

    [Fact]
    public async Task ChangeHostKey_ChangesTheFingerprint_AndTheOldPinIsRejected()
    {
        string before = _server.HostKeyFingerprintSha256;
        string beforeLine = _server.HostKeyPublicLine;

        await _server.ChangeHostKeyAsync();

        Assert.NotEqual(before, _server.HostKeyFingerprintSha256);
        Assert.NotEqual(beforeLine, _server.HostKeyPublicLine);
        using (var stale = new SshClient(KeyLogin(_server, _identity)))
        {
            stale.HostKeyReceived += (_, e) => e.CanTrust = e.FingerPrintSHA256 == before;
            Assert.Throws<SshConnectionException>(stale.Connect);
        }

        using var ssh = Pinned(new SshClient(KeyLogin(_server, _identity)), _server);
        ssh.Connect();
        Assert.True(ssh.IsConnected);
    }

    [Fact]
    public async Task StoppedSshd_RefusesFast_AndStartSshd_BringsItBack()
    {
        await _server.StopSshdAsync();

        using (var down = Pinned(new SshClient(KeyLogin(_server, _identity)), _server))
        {
            var clock = Stopwatch.StartNew();
            var refused = Assert.Throws<SocketException>(down.Connect);
            output.WriteLine($"connect with sshd stopped: {refused.SocketErrorCode} after {clock.ElapsedMilliseconds} ms");
            Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
            Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2));
        }

        var restart = Stopwatch.StartNew();
        await _server.StartSshdAsync();
        output.WriteLine($"StartSshdAsync: {restart.ElapsedMilliseconds} ms");
        using var up = Pinned(new SshClient(KeyLogin(_server, _identity)), _server);
        up.Connect();
        Assert.Equal(_server.User, up.RunCommand("whoami").Result.Trim());
    }

    [Fact]
    public async Task RunAsUser_RunsInTheNamespace_AsTheUser_AndKillUserProcesses_EndsThem()
    {
        var (exitCode, text) = await _server.RunAsUserAsync("whoami; pwd; hostname -I; echo oops >&2; exit 3");
        Assert.Equal(3, exitCode);
        Assert.Equal([_server.User, _server.Home, _server.Address, "oops"], Lines(text));

        // setsid -f returns before its child has become sleep: wait for it from inside.
        const string Sleeper = """
            setsid -f sleep 300 </dev/null >/dev/null 2>&1
            for i in $(seq 250); do pgrep -u "$USER" -f "^sleep 300" >/dev/null && exit 0; sleep 0.02; done; exit 1
            """;
        Assert.Equal(0, (await _server.RunAsUserAsync(Sleeper)).ExitCode);
        Assert.Equal(0, (await HostCommand.RunAsync("pgrep", ["-u", _server.User, "-f", "^sleep 300"])).ExitCode);

        await _server.KillUserProcessesAsync("^sleep 300");

        Assert.Equal(1, (await HostCommand.RunAsync("pgrep", ["-u", _server.User, "-r", "R,S,D,T", "-f", "^sleep 300"])).ExitCode);
    }

    [Fact]
    public async Task TwoMoreServers_StartedTogether_HaveTheirOwnAddressesAndUsers_AndAllServe()
    {
        var others = await Task.WhenAll(ServerHost.StartAsync(), ServerHost.StartAsync());
        try
        {
            ServerHost[] all = [_server, .. others];
            Assert.Equal(3, all.Select(s => s.Address).Distinct().Count());
            Assert.Equal(3, all.Select(s => s.User).Distinct().Count());
            foreach (var server in all)
            {
                server.AuthorizeKey(await File.ReadAllTextAsync(_identity + ".pub"));
                using var ssh = Pinned(new SshClient(KeyLogin(server, _identity)), server);
                ssh.Connect();
                Assert.Equal([server.User, server.Address], Lines(ssh.RunCommand("whoami; hostname -I").Result));
            }
        }
        finally
        {
            await Task.WhenAll(others.Select(s => s.DisposeAsync().AsTask()));
        }
    }

    [Fact]
    public async Task Dispose_RemovesTheNamespace_TheVeth_TheUser_AndTheFolder()
    {
        var server = await ServerHost.StartAsync();
        Assert.Contains(server.NamespaceName, await HostCommand.RunCheckedAsync("ip", ["netns", "list"]), StringComparison.Ordinal);
        Assert.True(Directory.Exists(server.Home));

        await server.DisposeAsync();
        await server.DisposeAsync();

        Assert.DoesNotContain(server.NamespaceName, await HostCommand.RunCheckedAsync("ip", ["netns", "list"]), StringComparison.Ordinal);
        Assert.DoesNotContain(server.Address, await HostCommand.RunCheckedAsync("ip", ["-o", "-4", "addr"]), StringComparison.Ordinal);
        Assert.NotEqual(0, (await HostCommand.RunAsync("id", [server.User])).ExitCode);
        Assert.False(Directory.Exists(Path.GetDirectoryName(server.Home)));
    }

    [Fact]
    public async Task StaleCleanup_RemovesAFixtureWhoseOwnerDied_AndLeavesLiveOnesAlone()
    {
        var dead = FixtureNames.NewRandom();
        Directory.CreateDirectory(dead.Folder);
        // Pid 1 is alive but started long before any test process: the marker's start time cannot match it.
        await File.WriteAllTextAsync(Path.Combine(dead.Folder, "owner"), "1 -1");
        await HostCommand.RunCheckedAsync("ip", ["netns", "add", dead.Namespace]);

        await StaleFixtures.CleanNowAsync();

        string namespaces = await HostCommand.RunCheckedAsync("ip", ["netns", "list"]);
        Assert.DoesNotContain(dead.Namespace, namespaces, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dead.Folder));
        Assert.Contains(_server.NamespaceName, namespaces, StringComparison.Ordinal);
        using var ssh = Pinned(new SshClient(KeyLogin(_server, _identity)), _server);
        ssh.Connect();
    }

    private static ConnectionInfo KeyLogin(ServerHost server, string identity) =>
        new(server.Address, server.Port, server.User, new PrivateKeyAuthenticationMethod(server.User, new PrivateKeyFile(identity)))
        {
            Timeout = ConnectTimeout,
        };

    private static ConnectionInfo PasswordLogin(ServerHost server, string password) =>
        new(server.Address, server.Port, server.User, new PasswordAuthenticationMethod(server.User, password))
        {
            Timeout = ConnectTimeout,
        };

    private static T Pinned<T>(T client, ServerHost server)
        where T : BaseClient
    {
        client.HostKeyReceived += (_, e) => e.CanTrust = e.FingerPrintSHA256 == server.HostKeyFingerprintSha256;
        return client;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

using ClaudBot.Ssh.Setup;
using ClaudBot.Ssh.Tests.Server;

namespace ClaudBot.Ssh.Tests.Setup;

/// <summary>
/// One setup test's world: a fresh <see cref="ServerHost"/>, and on this side a temp folder for the key,
/// known_hosts and the client settings file, so nothing of the real user's ~/.ssh or the build is touched.
/// </summary>
internal sealed class SetupScene : IAsyncDisposable
{
    private SetupScene(ServerHost server, Testing.TempDirectory folder)
    {
        Server = server;
        Folder = folder;
        Directory.CreateDirectory(folder.Combine("keys"));
    }

    public ServerHost Server { get; }

    public Testing.TempDirectory Folder { get; }

    public string Identity => Folder.Combine("keys/id_ed25519");

    public string KnownHostsFile => Folder.Combine("known_hosts");

    public string SettingsFile => Folder.Combine("appsettings.json");

    /// <summary>The node's folder on the server, as this machine sees it (the namespace shares the filesystem).</summary>
    public string RemoteNode => Path.Combine(Server.Home, "claudbot");

    /// <summary>This side's imported data (none until a test writes some), never the real home's.</summary>
    public string UserData => Folder.Combine("market");

    /// <summary>Where the node on the server reads imported data, as this machine sees it.</summary>
    public string RemoteUserData => Path.Combine(Server.Home, ".local", "share", "claudbot", "market");

    public string Fingerprint => "SHA256:" + Server.HostKeyFingerprintSha256;

    public static async Task<SetupScene> StartAsync() => new(await ServerHost.StartAsync(), new Testing.TempDirectory("claudbot-setup-"));

    public SetupOptions Options(string nodeDirectory) => new()
    {
        Host = Server.Address,
        User = Server.User,
        Port = Server.Port,
        IdentityFile = Identity,
        KnownHostsFile = KnownHostsFile,
        SettingsFile = SettingsFile,
        PublishDirectory = Folder.Combine("publish"),
        ProgramDirectory = AppContext.BaseDirectory,
        NodeDirectory = nodeDirectory,
        TrustHostKey = Fingerprint,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        UserDataDirectory = UserData,
    };

    public static async Task<(SetupResult Result, RecordingSetupConsole Console)> RunAsync(SetupOptions options, IPasswordSource passwords, bool answer = false)
    {
        var console = new RecordingSetupConsole { Answer = answer };
        var result = await new SetupRunner(options, console, passwords, TimeProvider.System).RunAsync(CancellationToken.None);
        return (result, console);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Folder.Dispose();
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using ClaudBot.Ssh.Setup;
using ClaudBot.Ssh.Tests.Server;
using ClaudBot.Targets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClaudBot.Ssh.Tests.Setup;

/// <summary>
/// Three hosts: this machine as the client (a <see cref="SetupScene"/>'s folder), the scene's server, and a worker box
/// (a second <see cref="ServerHost"/> cabled to the server with <see cref="HostLink"/>).
/// </summary>
internal sealed class WorkerBoxScene : IAsyncDisposable
{
    private readonly List<ServiceProvider> _clients = [];

    private WorkerBoxScene(SetupScene scene, ServerHost box)
    {
        Scene = scene;
        Box = box;
    }

    public SetupScene Scene { get; }

    public ServerHost Server => Scene.Server;

    public ServerHost Box { get; }

    /// <summary>The box's node folder as this machine sees it (the namespaces share the filesystem).</summary>
    public string BoxNode => Path.Combine(Box.Home, "claudbot");

    public static async Task<WorkerBoxScene> StartAsync()
    {
        var scene = SetupScene.StartAsync();
        var box = ServerHost.StartAsync();
        await Task.WhenAll(scene, box);
        await HostLink.ConnectAsync((await scene).Server, await box);
        return new WorkerBoxScene(await scene, await box);
    }

    /// <summary>What <c>claudbot setup --worker BOX --user U</c> builds: the box, and the server as the settings name it.</summary>
    public SetupOptions BoxOptions(string nodeDirectory) => Scene.Options(nodeDirectory) with
    {
        Host = Box.Address,
        User = Box.User,
        TrustHostKey = "SHA256:" + Box.HostKeyFingerprintSha256,
        Server = Target(),
    };

    /// <summary>The client's Target:Ssh as the settings file has it now.</summary>
    public SshTargetOptions Target() => Settings().GetSection(SshTargetOptions.Section).Get<SshTargetOptions>()!;

    /// <summary>The ssh target the bot would use, made from nothing but the settings file.</summary>
    public IClusterTarget Client()
    {
        var configuration = new ConfigurationBuilder().AddConfiguration(Settings()).AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Target:Ssh:DashboardPort"] = Testing.TestPorts.Free().ToString(CultureInfo.InvariantCulture),
            ["Target:Ssh:ConnectTimeout"] = "00:00:03",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSshTarget(configuration);
        var provider = services.BuildServiceProvider();
        _clients.Add(provider);
        return provider.GetRequiredService<IClusterTarget>();
    }

    /// <summary>
    /// Slows every backtest of a node and shortens its leases (its own appsettings.json, as a user edits it there), so a
    /// job lasts long enough to be caught midway and a killed box's chunks come back within seconds.
    /// </summary>
    public static async Task ThrottleAsync(string nodeFolder, TimeSpan perTask, int slots)
    {
        string settings = Path.Combine(nodeFolder, "appsettings.json");
        var json = JsonNode.Parse(await File.ReadAllTextAsync(settings))!.AsObject();
        var cluster = json["Cluster"]?.AsObject() ?? [];
        json["Cluster"] = cluster;
        cluster["ThrottlePerTask"] = perTask.ToString("c", CultureInfo.InvariantCulture);
        cluster["ChunkSize"] = 1;
        cluster["WorkerSlots"] = slots;
        cluster["VisibilityTimeout"] = "00:00:02";
        await File.WriteAllTextAsync(settings, json.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        await Box.DisposeAsync();
        await Scene.DisposeAsync();
    }

    private IConfigurationRoot Settings() => new ConfigurationBuilder().AddJsonFile(Scene.SettingsFile).Build();
}

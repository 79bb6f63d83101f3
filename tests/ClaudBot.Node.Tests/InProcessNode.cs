using ClaudBot.Cluster;
using ClaudBot.Hosting;
using ClaudBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClaudBot.Node.Tests;

/// <summary>
/// A node (driver and worker, the embedded queue server on a free port) hosted in the test's process on a home of its
/// own, as <c>claudbot-node start</c> and a command on one box share one; and <c>claudbot-node</c> run in-process against it.
/// </summary>
public abstract class InProcessNode : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("claudbot-node-inprocess-");
    private readonly string? _home = Environment.GetEnvironmentVariable("CLAUDBOT_HOME");
    private IHost? _node;

    protected IServiceProvider Services => _node!.Services;

    protected ClusterClient Client => Services.GetRequiredService<ClusterClient>();

    public async Task InitializeAsync()
    {
        QuickRun.Refuse("claudbot-node");
        Environment.SetEnvironmentVariable("CLAUDBOT_HOME", Path.Combine(_folder.FullName, "home"));
        _node = ClaudBotHost.CreateBuilder(new Dictionary<string, string?>
        {
            // A free port: the CLI finds it through the home's endpoint file, as on a box where the node was started.
            ["Redis:EmbeddedPort"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
        }).AddClusterNode(NodeRole.All, dashboard: false, logFiles: false).Build();
        await _node.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.StopAsync();
            _node.Dispose();
        }

        Environment.SetEnvironmentVariable("CLAUDBOT_HOME", _home);
        _folder.Delete(recursive: true);
    }

    protected static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = await NodeCli.RunAsync(args, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }
}

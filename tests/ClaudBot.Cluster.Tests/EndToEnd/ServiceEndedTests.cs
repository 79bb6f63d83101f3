using ClaudBot.Cluster.Tests.Support;
using ClaudBot.Cluster.Tests.Support.FaultHook;
using ClaudBot.Hosting;

namespace ClaudBot.Cluster.Tests.EndToEnd;

/// <summary>
/// <c>claudbot-node run</c> whose service ends by itself exits non-zero with one line, so systemd's
/// <c>Restart=on-failure</c> restarts it. The service is brought into the real program by a startup hook
/// (<see cref="FaultingService"/>): none of the node's own services ends by itself.
/// </summary>
[Trait("Category", "RealServer")]
[Collection(RedisServerGroup.Name)]
public sealed class ServiceEndedTests(RedisServerFixture redis) : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-ended-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Theory]
    [InlineData("other", ExitCodes.Failed)]
    [InlineData("queue", ExitCodes.ClusterDown)]
    public async Task AServiceThatEndsByItself_StopsTheNode_WithItsExitCode_AndOneLineOnStderr(string fault, int expected)
    {
        // The harness has the node log to the console (stderr); a node as shipped logs to its files only.
        await using var cluster = new ClusterHarness(redis.Server.ConnectionString, _scratch.FullName, new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "None" });
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_STARTUP_HOOKS"] = typeof(FaultingService).Assembly.Location,
            ["CLAUDBOT_TEST_FAULT"] = fault,
        };
        await using var node = NodeProcess.Start(cluster.Settings, environment, "run", "--role", "worker");

        await node.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.True(node.ExitCode == expected, $"exit {node.ExitCode}, expected {expected}:\n{node.Output}");
        Assert.Equal([$"Error: FaultingService stopped: {FaultingService.Message}"], node.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}

using ClaudBot.Ssh.Setup;
using ClaudBot.Ssh.Setup.Steps;

namespace ClaudBot.Ssh.Tests.Setup;

/// <summary>Which node folder setup uploads: a publish from the checkout for the server's runtime, or a given folder that must suit the server.</summary>
[Trait("Category", "RealServer")]
[Collection(SetupServerGroup.Name)]
public sealed class NodeBuildStepTests(PublishedNode node) : IDisposable
{
    private static readonly ServerFacts X64WithDotnet = new() { Architecture = "x86_64", DotnetRuntimes = ["10.0.12"] };

    private readonly Testing.TempDirectory _folder = new("claudbot-setup-nodedir-");

    [Fact]
    public async Task WithoutNodeDir_TheCheckoutsPublishForTheServersRuntime_IsUsed_AndNotRedoneWhileFresh()
    {
        var context = Context(new SetupOptions { Host = "i7", User = "olga", PublishDirectory = node.PublishRoot }, X64WithDotnet);

        var report = await new NodeBuildStep().RunAsync(context, CancellationToken.None);

        Assert.Equal(node.Folder, context.NodeDirectory);
        Assert.True(File.Exists(Path.Combine(node.Folder, "claudbot-node")));
        Assert.Equal("linux-x64", NodePublisher.RuntimeOf(node.Folder));
        Assert.False(NodePublisher.IsSelfContained(node.Folder));
        // Fresh unless someone edited a source file since the run's publish (then it was published again, and says so).
        Assert.Equal(
            report.Outcome == StepOutcome.Already ? $"{node.Folder} is up to date (linux-x64, framework-dependent)" : $"published {node.Folder} (linux-x64, framework-dependent)",
            report.Detail);
    }

    [Fact]
    public async Task AGivenFolder_MustHoldTheProgram_BeForTheServersRuntime_AndBringItsRuntimeWhenTheServerHasNone()
    {
        var step = new NodeBuildStep();
        var options = new SetupOptions { Host = "i7", User = "olga", NodeDirectory = _folder.Path };

        var empty = await Assert.ThrowsAsync<SetupException>(() => step.RunAsync(Context(options, X64WithDotnet), CancellationToken.None));
        Assert.Contains("has no claudbot-node program", empty.Message, StringComparison.Ordinal);

        _folder.Write("claudbot-node", "program");
        _folder.Write("claudbot-node.deps.json", """{ "runtimeTarget": { "name": ".NETCoreApp,Version=v10.0/linux-arm64" } }""");
        var arm = await Assert.ThrowsAsync<SetupException>(() => step.RunAsync(Context(options, X64WithDotnet), CancellationToken.None));
        Assert.Equal($"{_folder.Path} was published for linux-arm64, but the server is linux-x64.", arm.Message);

        _folder.Write("claudbot-node.deps.json", """{ "runtimeTarget": { "name": ".NETCoreApp,Version=v10.0/linux-x64" } }""");
        var noRuntime = await Assert.ThrowsAsync<SetupException>(() => step.RunAsync(Context(options, X64WithDotnet with { DotnetRuntimes = ["8.0.11"] }), CancellationToken.None));
        Assert.StartsWith($"{_folder.Path} is framework-dependent and the server has no .NET 10 runtime", noRuntime.Message, StringComparison.Ordinal);

        var context = Context(options, X64WithDotnet);
        var used = await step.RunAsync(context, CancellationToken.None);
        Assert.Equal(StepReport.Already("Node build", $"using {_folder.Path} (framework-dependent)"), used);
        Assert.Equal(_folder.Path, context.NodeDirectory);
    }

    public void Dispose() => _folder.Dispose();

    private static SetupContext Context(SetupOptions options, ServerFacts facts) =>
        new(options, new RecordingSetupConsole(), new CountingPasswords(null)) { Facts = facts };
}

using ClaudBot.Ssh.Setup;

namespace ClaudBot.Ssh.Tests.Setup;

/// <summary>Finding the checkout, the publish command, and when a publish is fresh (without publishing).</summary>
public sealed class NodePublisherTests : IDisposable
{
    private readonly Testing.TempDirectory _checkout = new("claudbot-setup-checkout-");

    [Fact]
    public void TheCheckout_IsFoundAboveTheProgram()
    {
        string? root = NodePublisher.FindCheckout(AppContext.BaseDirectory);

        Assert.NotNull(root);
        Assert.True(File.Exists(Path.Combine(root, "src", "ClaudBot.Node", "ClaudBot.Node.csproj")));
        Assert.Null(NodePublisher.FindCheckout(_checkout.Path));
    }

    [Fact]
    public void ThePublishCommand_IsForTheServersRuntime_SelfContainedOnlyWithoutDotnet_WithItsOwnIntermediateFiles()
    {
        var arguments = NodePublisher.Arguments("/src/cb", "linux-arm64", selfContained: true, "/p/linux-arm64-sc", "/p");

        Assert.Equal(
            ["publish", "/src/cb/src/ClaudBot.Node/ClaudBot.Node.csproj", "-c", "Release", "-r", "linux-arm64", "--self-contained", "true",
             "-o", "/p/linux-arm64-sc", "--artifacts-path", "/p/build", "--nologo", "-v", "quiet"],
            arguments);
        Assert.Equal("/p/linux-x64-fd", NodePublisher.OutputFolder("/p", "linux-x64", selfContained: false));
    }

    [Fact]
    public async Task APublish_IsFresh_UntilASourceFileChanges()
    {
        string project = _checkout.Combine("src/ClaudBot.Node/ClaudBot.Node.csproj");
        Directory.CreateDirectory(Path.GetDirectoryName(project)!);
        await File.WriteAllTextAsync(project, "<Project />");
        Directory.CreateDirectory(_checkout.Combine("src/ClaudBot.Node/bin"));
        string output = _checkout.Combine("state/publish/linux-x64-fd");
        Directory.CreateDirectory(output);
        await File.WriteAllTextAsync(Path.Combine(output, "claudbot-node"), "program");
        var published = new DateTime(2026, 1, 10, 12, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(project, published.AddHours(-1));
        Assert.False(NodePublisher.IsFresh(_checkout.Path, output));

        await File.WriteAllTextAsync(output + ".stamp", "linux-x64\n");
        File.SetLastWriteTimeUtc(output + ".stamp", published);
        Assert.True(NodePublisher.IsFresh(_checkout.Path, output));

        // Build output and the publish folder itself do not count as sources.
        await File.WriteAllTextAsync(_checkout.Combine("src/ClaudBot.Node/bin/new.dll"), "built");
        Assert.True(NodePublisher.IsFresh(_checkout.Path, output));

        string source = _checkout.Combine("src/ClaudBot.Node/Program.cs");
        await File.WriteAllTextAsync(source, "// edited");
        File.SetLastWriteTimeUtc(source, published.AddMinutes(1));
        Assert.False(NodePublisher.IsFresh(_checkout.Path, output));
    }

    [Theory]
    [InlineData("README.md", false)]
    [InlineData("test.sh", false)]
    [InlineData("Directory.Build.props", true)]
    [InlineData("appsettings.json", true)]
    [InlineData("intents/intent_patterns.yaml", true)]
    [InlineData("costs/zerodha-delivery.yaml", true)]
    [InlineData("docs/worker-boxes.md", false)]
    public async Task AnEdit_MakesThePublishStale_OnlyWhereABuildReadsIt(string file, bool stale)
    {
        string output = _checkout.Combine("state/publish/linux-x64-fd");
        Directory.CreateDirectory(output);
        await File.WriteAllTextAsync(Path.Combine(output, "claudbot-node"), "program");
        await File.WriteAllTextAsync(output + ".stamp", "linux-x64\n");
        var published = new DateTime(2026, 1, 10, 12, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(output + ".stamp", published);
        Assert.True(NodePublisher.IsFresh(_checkout.Path, output));

        string edited = _checkout.Combine(file);
        Directory.CreateDirectory(Path.GetDirectoryName(edited)!);
        await File.WriteAllTextAsync(edited, "edited");
        File.SetLastWriteTimeUtc(edited, published.AddMinutes(1));

        Assert.Equal(!stale, NodePublisher.IsFresh(_checkout.Path, output));
    }

    [Fact]
    public async Task AFoldersRuntimeAndKind_AreReadFromIt()
    {
        await File.WriteAllTextAsync(_checkout.Combine("claudbot-node.deps.json"), """{ "runtimeTarget": { "name": ".NETCoreApp,Version=v10.0/linux-arm64" } }""");
        Assert.Equal("linux-arm64", NodePublisher.RuntimeOf(_checkout.Path));
        Assert.False(NodePublisher.IsSelfContained(_checkout.Path));

        await File.WriteAllTextAsync(_checkout.Combine("claudbot-node.deps.json"), """{ "runtimeTarget": { "name": ".NETCoreApp,Version=v10.0" } }""");
        await File.WriteAllTextAsync(_checkout.Combine("libcoreclr.so"), "runtime");
        Assert.Null(NodePublisher.RuntimeOf(_checkout.Path));
        Assert.True(NodePublisher.IsSelfContained(_checkout.Path));
    }

    public void Dispose() => _checkout.Dispose();
}

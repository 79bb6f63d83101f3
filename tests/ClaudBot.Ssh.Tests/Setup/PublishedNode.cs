using System.Diagnostics;
using ClaudBot.Ssh.Setup;

namespace ClaudBot.Ssh.Tests.Setup;

/// <summary>
/// claudbot-node published once per test run, exactly as setup publishes it (framework-dependent for this
/// machine's architecture; the test servers share this machine's /usr/share/dotnet), in a temp folder.
/// </summary>
public sealed class PublishedNode : IAsyncLifetime, IDisposable
{
    private readonly Testing.TempDirectory _folder = new("claudbot-setup-publish-");

    public string PublishRoot => _folder.Combine("publish");

    /// <summary>The published folder (what --node-dir takes).</summary>
    public string Folder => NodePublisher.OutputFolder(PublishRoot, "linux-x64", selfContained: false);

    public TimeSpan PublishTime { get; private set; }

    public async Task InitializeAsync()
    {
        string checkout = NodePublisher.FindCheckout(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("The tests run from a build inside the source checkout.");
        var clock = Stopwatch.StartNew();
        await NodePublisher.PublishAsync(checkout, "linux-x64", selfContained: false, Folder, PublishRoot, CancellationToken.None);
        PublishTime = clock.Elapsed;
    }

    /// <summary>A copy of the published folder that a test may change (hard links: replace files, never write into them).</summary>
    public async Task<string> CopyAsync(string parent)
    {
        string copy = Path.Combine(parent, "node");
        var result = await Server.HostCommand.RunAsync("cp", ["-al", Folder, copy]);
        Assert.True(result.ExitCode == 0, result.Error);
        return copy;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _folder.Dispose();
}

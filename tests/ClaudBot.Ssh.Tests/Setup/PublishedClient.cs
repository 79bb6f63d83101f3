using System.Diagnostics;
using ClaudBot.Ssh.Setup;

namespace ClaudBot.Ssh.Tests.Setup;

/// <summary>
/// The claudbot client published exactly as <c>setup --telegram</c> publishes it (framework-dependent for this machine's
/// architecture), for the bot service on the test server. Kept between runs in one temp folder and published again only
/// when a source changed, as setup's own cache does: a publish of the whole client takes minutes on a busy machine.
/// </summary>
public sealed class PublishedClient : IAsyncLifetime
{
    public static string PublishRoot { get; } = Path.Combine(Path.GetTempPath(), "claudbot-test-client-publish");

    /// <summary>The published folder (what --client-dir takes).</summary>
    public static string Folder => NodePublisher.OutputFolder(PublishRoot, "linux-x64", selfContained: false, PublishedProgram.Client);

    public TimeSpan PublishTime { get; private set; }

    public async Task InitializeAsync()
    {
        string checkout = NodePublisher.FindCheckout(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("The tests run from a build inside the source checkout.");
        var clock = Stopwatch.StartNew();
        if (NodePublisher.IsFresh(checkout, Folder, PublishedProgram.Client))
        {
            return;
        }

        await NodePublisher.PublishAsync(PublishedProgram.Client, checkout, "linux-x64", selfContained: false, Folder, PublishRoot, CancellationToken.None);
        PublishTime = clock.Elapsed;
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

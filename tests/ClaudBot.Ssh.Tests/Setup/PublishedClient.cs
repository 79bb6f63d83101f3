using System.Diagnostics;
using ClaudBot.Ssh.Setup;

namespace ClaudBot.Ssh.Tests.Setup;

/// <summary>
/// claudbot-node and the claudbot client published exactly as <c>setup --telegram</c> publishes them (framework-dependent
/// for this machine's architecture), for the bot service on the test server. Kept between runs in a temp folder of this
/// checkout's own and published again only when a source changed, as setup's cache does: publishing the whole client
/// takes minutes on a busy machine.
/// </summary>
public sealed class PublishedClient : IAsyncLifetime
{
    private static readonly string Checkout = NodePublisher.FindCheckout(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("The tests run from a build inside the source checkout.");

    public static string PublishRoot { get; } = Path.Combine(
        Path.GetTempPath(), "claudbot-test-publish-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Checkout)))[..12]);

    /// <summary>The published client (what --client-dir takes).</summary>
    public static string Folder => NodePublisher.OutputFolder(PublishRoot, "linux-x64", selfContained: false, PublishedProgram.Client);

    /// <summary>The published node (what --node-dir takes).</summary>
    public static string NodeFolder => NodePublisher.OutputFolder(PublishRoot, "linux-x64", selfContained: false, PublishedProgram.Node);

    public TimeSpan PublishTime { get; private set; }

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        foreach (var (program, folder) in new[] { (PublishedProgram.Node, NodeFolder), (PublishedProgram.Client, Folder) })
        {
            if (!NodePublisher.IsFresh(Checkout, folder, program))
            {
                await NodePublisher.PublishAsync(program, Checkout, "linux-x64", selfContained: false, folder, PublishRoot, CancellationToken.None);
            }
        }

        PublishTime = clock.Elapsed;
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

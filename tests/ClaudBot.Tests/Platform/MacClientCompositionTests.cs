using ClaudBot.Bot.Conversations;
using ClaudBot.Bot.Platform;
using ClaudBot.Bot.Replies;
using ClaudBot.Bot.Targets.Local;
using ClaudBot.Chat;
using ClaudBot.Cluster.Platform;
using ClaudBot.Commands;
using ClaudBot.Hosting;
using ClaudBot.Ssh;
using ClaudBot.Targets;
using ClaudBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Testing;

namespace ClaudBot.Tests.Platform;

/// <summary>
/// What can be proved on Linux of the client on macOS: each client composition (terminal with the local target,
/// terminal with the SSH target, Telegram) composed with the macOS seam resolves every service it registers, holds
/// the macOS implementations, and answers a status request through them. What this cannot prove (sysctl, a Mac's
/// process names, its file system) is listed in the README.
/// </summary>
public sealed class MacClientCompositionTests
{
    [Fact]
    public async Task TerminalClient_LocalTarget_WithTheMacSeam_ResolvesEverything_AndMonitorRunsThroughIt()
    {
        using var folder = new TempDirectory("claudbot-mac-");
        var builder = BotHost.Compose(Consoles(), IsolatedBotSettings.In(folder), ClientPlatform.MacOS());

        var (host, resolved) = ServiceResolution.BuildAndResolveAll(builder);
        using var _ = host;

        Assert.True(resolved.Count > 30, $"only {resolved.Count} services registered");
        Assert.IsType<MacSystemLoad>(host.Services.GetRequiredService<SystemLoad>());
        Assert.IsType<ProcessProbe.ProcessNameProbe>(host.Services.GetRequiredService<IProcessProbe>());
        Assert.IsType<LocalNodeTarget>(host.Services.GetRequiredService<IClusterTarget>());

        var reply = await Monitor(host.Services);
        string text = ReplyPlainText.Render(reply);
        Assert.Contains(": DOWN", text, StringComparison.Ordinal);
        Assert.Contains("the cluster is stopped", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TerminalClient_SshTarget_WithTheMacSeam_ResolvesEverything()
    {
        using var folder = new TempDirectory("claudbot-mac-");
        var settings = IsolatedBotSettings.In(folder, new Dictionary<string, string?>
        {
            ["Target:Kind"] = "ssh",
            ["Target:Ssh:Host"] = "127.0.0.1",
            ["Target:Ssh:User"] = "nobody",
            ["Target:Ssh:KnownHostsFile"] = folder.Combine("known_hosts"),
        });

        var (host, _) = ServiceResolution.BuildAndResolveAll(BotHost.Compose(Consoles(), settings, ClientPlatform.MacOS()));
        using var _host = host;

        Assert.IsType<SshClusterTarget>(host.Services.GetRequiredService<IClusterTarget>());
        Assert.IsType<MacSystemLoad>(host.Services.GetRequiredService<SystemLoad>());
    }

    [Fact]
    public void TelegramClient_WithTheMacSeam_ResolvesEverything()
    {
        using var folder = new TempDirectory("claudbot-mac-");
        var settings = IsolatedBotSettings.In(folder, new Dictionary<string, string?> { ["Telegram:Token"] = "123456789:AAtest-token-of-the-right-shape_0123456" });

        var (host, resolved) = ServiceResolution.BuildAndResolveAll(TelegramCommand.Compose(settings, ClientPlatform.MacOS()));
        using var _host = host;

        Assert.Contains(typeof(global::Telegram.Bot.ITelegramBotClient), resolved);
        Assert.IsType<ProcessProbe.ProcessNameProbe>(host.Services.GetRequiredService<IProcessProbe>());
    }

    [Fact]
    public void MacSystemLoad_OnLinux_ReadsTheLoadAverage_WithinRange()
    {
        // getloadavg is POSIX, so this part of the macOS seam runs here for real; sysctl (memory) answers 0 off a Mac.
        var load = new MacSystemLoad();

        Assert.InRange(load.CpuPercent(), 0, 100);
        Assert.Equal(0, load.MemoryPercent());
    }

    private static CliConsoles Consoles() => new(new TestConsole(), new TestConsole(), new StringWriter());

    private static Task<Reply> Monitor(IServiceProvider services) =>
        services.GetRequiredService<ConversationEngine>().HandleAsync(new ChatMessage(TerminalUser.Chat, TerminalUser.Current, "monitor cluster"), CancellationToken.None);
}

using ClaudBot.Bot.Replies;
using ClaudBot.MarketData;
using ClaudBot.Ssh.Tests.Server;
using static ClaudBot.Ssh.Tests.SshBotHarness;

namespace ClaudBot.Ssh.Tests;

/// <summary>
/// With the ssh target, requests are read against the server's data (the node's listing through the API tunnel),
/// not the client's copy: a symbol only the server has runs, one only the client has is refused.
/// </summary>
[Trait("Category", "RealServer")]
public sealed class ServerDataTests
{
    [Fact]
    public async Task SymbolsComeFromTheServersData_NotThisMachinesCopy()
    {
        await using var server = await ServerHost.StartAsync();
        await NodeInstall.InstallAsync(server);
        string serverData = Path.Combine(server.Home, NodeInstall.Folder, "data");
        File.Copy(Path.Combine(serverData, "TCS.csv"), Path.Combine(serverData, "ACME.csv"));
        File.Delete(Path.Combine(serverData, "WIPRO.csv"));
        using var keys = new Testing.TempDirectory("claudbot-sshkey-");
        var (identity, publicLine) = await ClientKeys.CreateAsync(keys.Path);
        server.AuthorizeKey(publicLine);

        // The node's API on the server's loopback port 3000, as setup installs it.
        await using var bot = await StartAsync(server, identity, dashboardPort: 3000);
        Assert.True((await bot.SayAsync("start cluster")).Succeeded);

        var symbols = Text(await bot.SayAsync("list symbols"));
        Assert.Contains("ACME", symbols, StringComparison.Ordinal);
        Assert.DoesNotContain("WIPRO", symbols, StringComparison.Ordinal);
        Assert.Contains("WIPRO", bot.Get<MarketDataStore>().Symbols);

        var queued = await bot.SayAsync("backtest rsi on ACME 2021-2023");
        Assert.True(queued.Succeeded, Text(queued));
        var summary = await bot.Engine.FollowAsync(queued.FollowJob!, null, CancellationToken.None);
        Assert.Contains("ACME", Text(summary), StringComparison.Ordinal);
        Assert.Single(summary.Parts.OfType<TablePart>().First().Rows);

        var refused = await bot.SayAsync("backtest rsi on WIPRO 2021-2023");
        Assert.Null(refused.FollowJob);
        Assert.Contains("WIPRO", Text(refused), StringComparison.Ordinal);

        Assert.True((await bot.SayConfirmedAsync("stop cluster")).Succeeded);
    }
}

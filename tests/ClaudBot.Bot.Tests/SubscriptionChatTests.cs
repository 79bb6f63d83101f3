using ClaudBot.Bot.Conversations;
using ClaudBot.Targets;
using static ClaudBot.Bot.Tests.BotHarness;

namespace ClaudBot.Bot.Tests;

/// <summary>
/// Subscriptions said in chat, kept in a real node's queue server: a Telegram-like chat is stored; the terminal, which
/// nothing can message later, is refused in one line and nothing is stored. Delivery is tested in the Telegram tests.
/// </summary>
[Trait("Category", "RealServer")]
public sealed class SubscriptionChatTests
{
    [Fact]
    public async Task Subscribe_SaidAtTheTerminal_IsRefusedInOneLine_AndStoresNothing()
    {
        await using var bot = await StartAsync();
        Assert.Contains("Cluster started", Text(await bot.SayAsync("start cluster")), StringComparison.Ordinal);

        var refused = await bot.Engine.HandleAsync(new ChatMessage(new ChatKey(ChatKey.TerminalChannel, "olga"), Operator, "tell me when jobs finish"), CancellationToken.None);

        Assert.False(refused.Succeeded);
        Assert.StartsWith("The terminal cannot be messaged later", Text(refused), StringComparison.Ordinal);
        var client = await bot.Get<IClusterTarget>().ClientAsync(CancellationToken.None);
        Assert.Empty(await client.Subscriptions.ListAsync(ChatKey.TerminalChannel, CancellationToken.None));
        Assert.True((await bot.SayAsync("tell me when jobs finish")).Succeeded);
        Assert.Single(await client.Subscriptions.ListAsync("test", CancellationToken.None));
    }
}

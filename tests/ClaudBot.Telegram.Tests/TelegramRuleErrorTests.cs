using ClaudBot.Bot;
using ClaudBot.Bot.Conversations;
using ClaudBot.Hosting;
using ClaudBot.Intents.Catalog;
using ClaudBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ClaudBot.Telegram.Tests;

/// <summary>A rule's error as Telegram shows it: the message escaped, the caret block in &lt;pre&gt; so the caret lines up.</summary>
public sealed class TelegramRuleErrorTests
{
    [Fact]
    public async Task ARuleError_IsTheEscapedMessage_ThenTheCaretInPre_ThenTheQuestion()
    {
        using var folder = new TempDirectory("claudbot-tg-rule-");
        var builder = ClaudBotHost.CreateBuilder(IsolatedBotSettings.In(folder));
        builder.Services.AddBot();
        using var host = builder.Build();
        var engine = host.Services.GetRequiredService<ConversationEngine>();
        var user = new ChatUser("5001", "olga", IntentRole.Operator);

        var reply = await engine.HandleAsync(
            new ChatMessage(new ChatKey("telegram", "7001"), user, "backtest buy when close > 1 and smaa(2) < 10, sell when rsi(2) > 70 on M&M"), CancellationToken.None);

        Assert.Equal(
            "❌ unknown indicator 'smaa' at column 24: did you mean sma?\n\n"
            + "<pre>buy when close &gt; 1 and smaa(2) &lt; 10, sell when rsi(2)...\n                       ^</pre>\n\n"
            + "Send the corrected rule (or 'cancel').",
            Assert.Single(TelegramHtml.Messages(reply.Parts)));
    }
}

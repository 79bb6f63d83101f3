using System.Net;
using ClaudBot.Bot.Replies;
using ClaudBot.Telegram.Tests.FakeBotApi;
using ClaudBot.Testing;
using ClaudBot.Tests.Rendering;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Telegram.Bot;

namespace ClaudBot.Telegram.Tests;

/// <summary>Replies as Telegram HTML: escaped, split under the limit, and accepted by the (fake) Bot API as sent.</summary>
public sealed class TelegramHtmlTests
{
    private static readonly string LongLog = string.Join("\n", Enumerable.Range(0, 400).Select(i => $"2026-11-29 10:{i % 60:00} [WRN] chunk {i} <M&M> & \"quotes\" took {i * 3} ms"));

    [Fact]
    public void ALongBlock_IsSplitAtLineEnds_IntoMessagesUnderTheLimit_ThatTogetherHoldEveryLine()
    {
        var messages = TelegramHtml.Messages([new TextPart("Last 400 lines of the driver log:"), new BlockPart(LongLog)]);

        Assert.True(messages.Count >= 5, $"{messages.Count} messages");
        Assert.All(messages, m => Assert.InRange(m.Length, 1, TelegramHtml.MaxMessage));
        string shown = WebUtility.HtmlDecode(string.Concat(messages).Replace("<pre>", "\n", StringComparison.Ordinal).Replace("</pre>", "\n", StringComparison.Ordinal));
        Assert.All(LongLog.Split('\n'), line => Assert.Contains(line, shown, StringComparison.Ordinal));
    }

    [Fact]
    public void Text_IsEscaped_AndTonesGetTheirMark()
    {
        var messages = TelegramHtml.Messages([new TextPart("<b>not bold</b> & M&M", ReplyTone.Error)]);
        Assert.Equal("❌ &lt;b&gt;not bold&lt;/b&gt; &amp; M&amp;M", Assert.Single(messages));
    }

    [Fact]
    public void ControlCharacters_AreShownEscaped_AndLineBreaksKept()
    {
        var messages = TelegramHtml.Messages([new BlockPart("strategy 'rsi\u001b[2J\u0007'\nline two")]);

        Assert.Equal("<pre>strategy 'rsi\\u001b[2J\\u0007'\nline two</pre>", Assert.Single(messages));
    }

    [Fact]
    public void ATable_IsFixedWidth_WithNumbersRightAligned()
    {
        var table = new TablePart("Top 2 by Sharpe", ["Symbol", "Sharpe"], [["TCS", "1.02"], ["M&M", "-0.5"]]) { NumericColumns = new HashSet<int> { 1 } };
        string message = Assert.Single(TelegramHtml.Messages([table]));
        Assert.Equal("<b>Top 2 by Sharpe</b>\n<pre>Symbol Sharpe\n-------------\nTCS      1.02\nM&amp;M      -0.5</pre>", message);
    }

    [Fact]
    public void Monitor_IsOnePreformattedBlock_Escaped()
    {
        ExpectedFile.Assert("monitor_up.html", Render(SampleReplies.Monitor(SampleReplies.UpStatus)));
        ExpectedFile.Assert("monitor_down.html", Render(SampleReplies.Monitor(SampleReplies.DownStatus)));
    }

    [Fact]
    public void Results_AreFixedWidthTables_WithEscapedCells()
    {
        ExpectedFile.Assert("ranked_tables.html", Render(SampleReplies.Results));
    }

    [Fact]
    public void ACaption_IsCutToTelegramsLimit_CountingEscapes()
    {
        string caption = TelegramHtml.Caption(new string('&', 2000));
        Assert.True(WebUtility.HtmlDecode(caption).Length <= TelegramHtml.MaxCaption);
        Assert.EndsWith("…", caption, StringComparison.Ordinal);
        Assert.Equal("short &amp; sweet", TelegramHtml.Caption("short & sweet"));
    }

    [Fact]
    public async Task ALongReplyWithButtons_IsAcceptedByTheBotApi_AndTheButtonsComeOnTheLastMessage()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        var bot = new TelegramBotClient(new TelegramBotClientOptions(server.Token, server.BaseUrl));
        var sender = new TelegramSender(bot, ResiliencePipeline.Empty, NullLogger.Instance);
        var reply = new Reply([new TextPart("Logs <driver>:"), new BlockPart(LongLog), new TextPart("Stop the cluster?")]) { Confirm = new ConfirmPrompt("0123456789", "Yes, stop", "No") };

        await sender.SendAsync(42, reply, CancellationToken.None);

        var sent = server.BotMessagesIn(42);
        Assert.True(sent.Count >= 5);
        Assert.All(server.CallsTo("sendMessage"), c => Assert.True(c.Succeeded, c.ToString()));
        Assert.All(sent.SkipLast(1), m => Assert.Empty(m.InlineKeyboard));
        Assert.Equal(["c:0123456789:y", "c:0123456789:n"], sent[^1].InlineKeyboard.SelectMany(r => r).Select(b => b.CallbackData));
        string visible = string.Join("\n", sent.Select(m => m.Text));
        Assert.All(LongLog.Split('\n'), line => Assert.Contains(line, visible, StringComparison.Ordinal));
    }

    // Each message as sent, then a line that marks where Telegram would start the next one.
    private static string Render(Reply reply) =>
        string.Concat(TelegramHtml.Messages(reply.Parts).Select(m => m + "\n--- end of message ---\n"));
}

using ClaudBot.Bot.Replies;
using ClaudBot.Chat;
using Spectre.Console.Testing;

namespace ClaudBot.Tests.Chat;

/// <summary>What a reply quotes of the user's text reaches the terminal with its control characters escaped.</summary>
public sealed class TerminalRepliesTests
{
    [Fact]
    public async Task ControlCharactersInAReply_AreWrittenEscaped_AndLineBreaksKept()
    {
        using var console = new TestConsole().Width(200);
        var replies = new TerminalReplies(console, Path.GetTempPath());

        await replies.ShowAsync(
            new Reply([new TextPart("Unknown strategy 'rsi\u001b[2J\u0007'."), new BlockPart("one\r\ntwo"), new TablePart("T", ["Name"], [["x\u009by"]])]),
            CancellationToken.None);

        Assert.DoesNotContain('\u001b', console.Output);
        Assert.DoesNotContain('\u0007', console.Output);
        Assert.DoesNotContain('\u009b', console.Output);
        Assert.Contains(@"Unknown strategy 'rsi\u001b[2J\u0007'.", console.Output, StringComparison.Ordinal);
        Assert.Contains(@"x\u009by", console.Output, StringComparison.Ordinal);
    }
}

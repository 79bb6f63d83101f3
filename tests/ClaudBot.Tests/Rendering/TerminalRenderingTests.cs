using ClaudBot.Bot.Replies;
using ClaudBot.Chat;
using ClaudBot.Testing;
using Spectre.Console.Testing;

namespace ClaudBot.Tests.Rendering;

/// <summary>Replies as the terminal shows them (Spectre through <see cref="TestConsole"/>), checked against Expected/*.txt.</summary>
public sealed class TerminalRenderingTests
{
    [Fact]
    public async Task Monitor_OfANodeThatIsUp_ShowsProcessesWorkersJobsAndLoad()
    {
        ExpectedFile.Assert("monitor_up", await RenderAsync(SampleReplies.Monitor(SampleReplies.UpStatus)));
    }

    [Fact]
    public async Task Monitor_OfANodeWithAProcessDownAndNoQueue_SaysWhichAndWhy()
    {
        ExpectedFile.Assert("monitor_down", await RenderAsync(SampleReplies.Monitor(SampleReplies.DownStatus)));
    }

    [Fact]
    public async Task Results_ShowTheRankedTableAndTheBestPerSymbol()
    {
        ExpectedFile.Assert("ranked_tables", await RenderAsync(SampleReplies.Results));
    }

    private static async Task<string> RenderAsync(Reply reply)
    {
        using var console = new TestConsole().Width(100).SupportsUnicode(true);
        using var downloads = new TempDirectory();
        await new TerminalReplies(console, downloads.Path).ShowAsync(reply, CancellationToken.None);
        return console.Output;
    }
}

using ClaudBot.Bot.Replies;
using ClaudBot.Cluster.Jobs;
using static ClaudBot.Bot.Tests.BotHarness;

namespace ClaudBot.Bot.Tests;

/// <summary>
/// A sweep over two parameters of one strategy said in chat: its summary carries the heatmap of the median Sharpe by both
/// parameters as a picture (the same part Telegram sends as a photo); a backtest of one parameter set carries none.
/// </summary>
[Trait("Category", "RealServer")]
public sealed class SweepHeatmapChatTests
{
    [Fact]
    public async Task TwoParameterSweep_EndsWithItsHeatmap_AndASingleBacktestWithout()
    {
        await using var bot = await StartAsync();
        Assert.Contains("Cluster started", Text(await bot.SayAsync("start cluster")), StringComparison.Ordinal);

        string sweep = (await bot.SayAsync("backtest rsi(period=10..14 step 2, lower=25|30) on TCS, INFY from 2022-01-01 to 2024-12-31")).FollowJob!;
        var summary = await bot.Engine.FollowAsync(sweep, new Progress<JobStatus>(), CancellationToken.None);

        var heatmap = Assert.Single(summary.Parts.OfType<ImagePart>(), p => p.FileName == $"job_{sweep}_heatmap.png");
        Assert.True(heatmap.Png.Span.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47]), "not a PNG");
        Assert.Equal("rsi: sharpe by period and lower (median across 2 symbols)", heatmap.Caption);

        string single = (await bot.SayAsync("backtest rsi on TCS from 2022-01-01 to 2024-12-31")).FollowJob!;
        var plain = await bot.Engine.FollowAsync(single, new Progress<JobStatus>(), CancellationToken.None);
        Assert.DoesNotContain(plain.Parts.OfType<ImagePart>(), p => p.FileName.EndsWith("_heatmap.png", StringComparison.Ordinal));
        Assert.Contains(plain.Parts.OfType<ImagePart>(), p => p.FileName.EndsWith("_equity.png", StringComparison.Ordinal));
    }
}

using ClaudBot.Bot.Results;

namespace ClaudBot.Bot.Tests.Results;

/// <summary>Drawdowns from a high to the next equal high, worked by hand.</summary>
public sealed class DrawdownEpisodesTests
{
    private static readonly DateOnly Day0 = new(2022, 1, 3);

    private static IReadOnlyList<DrawdownEpisode> Of(params double[] equity) =>
        DrawdownEpisodes.Of([.. Enumerable.Range(0, equity.Length).Select(Day0.AddDays)], equity);

    [Fact]
    public void TwoFalls_OneRecovered_OneOpenAtTheEnd()
    {
        // 100 -> 80 -> 90 -> 100 (recovered on day 3) -> 120 -> 90 -> 96 (still 20% under 120 at its low, open).
        var episodes = Of(100, 80, 90, 100, 120, 90, 96);

        Assert.Equal(2, episodes.Count);
        Assert.Equal((Day0, Day0.AddDays(1), (DateOnly?)Day0.AddDays(3)), (episodes[0].Peak, episodes[0].Trough, episodes[0].Recovered));
        Assert.Equal(-0.2, episodes[0].Depth, 12);
        Assert.Equal((Day0.AddDays(4), Day0.AddDays(5), (DateOnly?)null), (episodes[1].Peak, episodes[1].Trough, episodes[1].Recovered));
        Assert.Equal(-0.25, episodes[1].Depth, 12);
    }

    [Fact]
    public void ACurveThatNeverFalls_HasNone_AndTheDeepestEqualsTheMaxDrawdown()
    {
        Assert.Empty(Of(100, 100, 101, 150));

        double[] curve = [100, 95, 97, 60, 110, 100, 130];
        double max = 0;
        double high = curve[0];
        foreach (double value in curve)
        {
            high = Math.Max(high, value);
            max = Math.Min(max, (value / high) - 1);
        }

        Assert.Equal(max, Of(curve).Min(e => e.Depth), 12);
    }

    [Fact]
    public void Overlaps_IsAnyDayFromTheHighToTheRecoveryOrTheEnd()
    {
        var episode = new DrawdownEpisode(new DateOnly(2021, 11, 1), new DateOnly(2022, 2, 1), -0.1, null);

        Assert.True(episode.Overlaps(new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31), new DateOnly(2023, 6, 30)));
        Assert.False(episode.Overlaps(new DateOnly(2021, 1, 1), new DateOnly(2021, 10, 31), new DateOnly(2023, 6, 30)));
        Assert.False((episode with { Recovered = new DateOnly(2021, 12, 15) }).Overlaps(new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31), new DateOnly(2023, 6, 30)));
    }
}

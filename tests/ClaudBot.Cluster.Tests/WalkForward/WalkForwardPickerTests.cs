using ClaudBot.Cluster.Results;
using ClaudBot.Cluster.Results.Store;
using ClaudBot.Cluster.WalkForward;
using ClaudBot.Engine.Simulation;

namespace ClaudBot.Cluster.Tests.WalkForward;

/// <summary>The pick rule of docs/walk-forward.md by hand: objective, then Sharpe, then total return, then the earlier.</summary>
public sealed class WalkForwardPickerTests
{
    private static readonly DateOnly From = new(2021, 1, 1);

    [Fact]
    public void TheBestObjective_WinsAmongThoseWithEnoughTrades()
    {
        var picker = new WalkForwardPicker(RankedMetric.Find("cagr")!, minTrades: 5);

        picker.Offer(0, Row(cagr: 0.30, sharpe: 2, trades: 4));
        picker.Offer(1, Row(cagr: 0.10, sharpe: 1, trades: 5));
        picker.Offer(2, Row(cagr: 0.20, sharpe: 0.5, trades: 9));
        picker.Offer(3, StoredRow.Failure(1));

        Assert.Equal(2, picker.Pick);
        Assert.Equal(0.20, picker.InSample!.Value.Cagr);
        Assert.Null(picker.NoPickReason());
    }

    [Fact]
    public void Ties_GoToSharpe_ThenTotalReturn_ThenTheEarlierGridPoint()
    {
        var bySharpe = new WalkForwardPicker(RankedMetric.Find("cagr")!, 0);
        bySharpe.Offer(0, Row(cagr: 0.1, sharpe: 1, trades: 3));
        bySharpe.Offer(1, Row(cagr: 0.1, sharpe: 2, trades: 3));
        Assert.Equal(1, bySharpe.Pick);

        var byReturn = new WalkForwardPicker(RankedMetric.Find("sharpe")!, 0);
        byReturn.Offer(0, Row(cagr: 0.1, sharpe: 1, trades: 3, totalReturn: 0.2));
        byReturn.Offer(1, Row(cagr: 0.1, sharpe: 1, trades: 3, totalReturn: 0.3));
        Assert.Equal(1, byReturn.Pick);

        var earlier = new WalkForwardPicker(RankedMetric.Find("sharpe")!, 0);
        earlier.Offer(0, Row(cagr: 0.1, sharpe: 1, trades: 3));
        earlier.Offer(1, Row(cagr: 0.1, sharpe: 1, trades: 3));
        Assert.Equal(0, earlier.Pick);
    }

    [Fact]
    public void ALowerIsBetterObjective_PicksTheShallowestDrawdown()
    {
        var picker = new WalkForwardPicker(RankedMetric.Find("max_drawdown")!, 0);
        picker.Offer(0, Row(cagr: 0.1, sharpe: 1, trades: 3, drawdown: -0.30));
        picker.Offer(1, Row(cagr: 0.1, sharpe: 1, trades: 3, drawdown: -0.10));
        Assert.Equal(1, picker.Pick);
    }

    [Fact]
    public void NoSetWithEnoughTrades_LeavesTheWindowInCash_SayingTheMostAnySetMade()
    {
        var picker = new WalkForwardPicker(RankedMetric.Find("sharpe")!, minTrades: 5);
        picker.Offer(0, Row(cagr: 0.3, sharpe: 2, trades: 2));
        picker.Offer(1, Row(cagr: 0.3, sharpe: 2, trades: 4));

        Assert.Null(picker.Pick);
        Assert.Equal("no parameter set made 5 trades in-sample (most: 4), so the window was held in cash", picker.NoPickReason());
        Assert.Equal("no parameter set ran in-sample", new WalkForwardPicker(RankedMetric.Find("sharpe")!, 5).NoPickReason());
    }

    private static StoredRow Row(double cagr, double sharpe, int trades, double totalReturn = 0.1, double drawdown = -0.2)
    {
        var metrics = new BacktestMetrics(totalReturn, cagr, 0.2, sharpe, sharpe, drawdown, 1, trades, 0.5, 1.5, 0.5, 1_100_000);
        return StoredRow.Of(metrics, metrics, From, From.AddYears(2), 500, 0, null, null);
    }
}

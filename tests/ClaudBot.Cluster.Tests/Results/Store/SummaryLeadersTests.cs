using ClaudBot.Cluster.Results;
using ClaudBot.Cluster.Results.Store;

namespace ClaudBot.Cluster.Tests.Results.Store;

/// <summary>The summary's best results by each metric and each parameter's effect, built as rows are filed.</summary>
public sealed class SummaryLeadersTests
{
    // rsi over period 5|10 x lower 20|30 (upper fixed) on two symbols: 8 tasks, task N = set N mod 4 on symbol N / 4.
    private static readonly ParameterSet[] Sets =
        [.. new[] { "rsi(period=5, lower=20, upper=70)", "rsi(period=5, lower=30, upper=70)", "rsi(period=10, lower=20, upper=70)", "rsi(period=10, lower=30, upper=70)" }.Select(ParameterSet.Of)];

    private static StoredRow Row(double sharpe, double totalReturn, double cagr, double maxDrawdown, double fees)
    {
        var row = new StoredRow { TradesOrError = 3, Bars = 100, From = new DateOnly(2023, 1, 2), To = new DateOnly(2023, 6, 30), Beta = double.NaN, Alpha = double.NaN, ExcessReturn = double.NaN };
        row.Metrics[0] = totalReturn;
        row.Metrics[1] = cagr;
        row.Metrics[3] = sharpe;
        row.Metrics[5] = maxDrawdown;
        row.Metrics[8] = double.NaN;
        row.Metrics[11] = fees;
        row.Metrics[12] = 1.0;
        return row;
    }

    private static ResultsSummary Fold(int top, params (double Sharpe, double Return, double Cagr, double Drawdown, double Fees)[] rows)
    {
        var fold = new StoreFold(top, Sets, ["TCS", "INFY"]);
        for (int task = rows.Length - 1; task >= 0; task--)
        {
            // Filed out of order, as chunks land.
            fold.Add(task, Row(rows[task].Sharpe, rows[task].Return, rows[task].Cagr, rows[task].Drawdown, rows[task].Fees));
        }

        return fold.Summary(new ResultsSummary("job", "completed", null!, [], rows.Length, rows.Length, 0, new ResultsTimings(0, 0, 0), [], [], [], 0));
    }

    [Fact]
    public void Leaders_RankEachMetricItsOwnWay_TiesByTheOneRanking_WithoutNaN()
    {
        var summary = Fold(
            3,
            (1.0, 0.10, 0.05, -0.20, 500),
            (2.0, 0.05, 0.30, -0.05, 900),
            (0.5, 0.40, 0.30, -0.10, 100),
            (double.NaN, -0.10, double.NaN, -0.50, 300),
            (1.5, 0.20, 0.10, -0.30, 100),
            (0.1, 0.01, 0.01, -0.01, 200),
            (3.0, -0.05, -0.02, -0.40, 700),
            (0.2, 0.02, 0.02, -0.15, 50));

        // Every metric keeps its best 20 whatever the summary's top; task 3's NaN Sharpe and CAGR keep it out of those two.
        var leaders = summary.Leaders!;
        Assert.Equal(7, leaders["sharpe"].Count);
        Assert.Equal(7, leaders["cagr"].Count);
        Assert.Equal(8, leaders["fees"].Count);
        Assert.Equal([6, 1, 4], summary.Top.Select(r => r.Index));
        Assert.Equal([6, 1, 4], leaders["sharpe"].Take(3).Select(r => r.Index));
        Assert.Equal([2, 4, 0], leaders["total_return"].Take(3).Select(r => r.Index));

        // Equal CAGR (tasks 1 and 2): the better Sharpe first; task 3's NaN CAGR never leads.
        Assert.Equal([1, 2, 4], leaders["cagr"].Take(3).Select(r => r.Index));

        // Drawdown is zero or negative: the shallowest first. Fees: the cheapest first, ties by the one ranking.
        Assert.Equal([5, 1, 2], leaders["max_drawdown"].Take(3).Select(r => r.Index));
        Assert.Equal([7, 4, 2], leaders["fees"].Take(3).Select(r => r.Index));
        Assert.False(leaders.ContainsKey("profit_factor"));
        Assert.Equal(RankedMetric.Find("drawdown"), RankedMetric.Find("max_drawdown"));
        Assert.Null(RankedMetric.Find("luck"));
    }

    [Fact]
    public void Leaders_BySortinoAndCalmar_HighestFirst_LeaveOutRowsWithoutAFigure_AndShowTheFigure()
    {
        var fold = new StoreFold(3, Sets, ["TCS", "INFY"]);
        double[] sortino = [0.8, 2.5, double.NaN, 1.1];
        double[] calmar = [double.PositiveInfinity, 0.3, 1.9, -0.4];
        for (int task = 0; task < 4; task++)
        {
            var row = Row(1.0 + task, 0.1, 0.1, -0.1, 10);
            row.Metrics[4] = sortino[task];
            row.Metrics[6] = calmar[task];
            fold.Add(task, row);
        }

        var leaders = fold.Summary(new ResultsSummary("job", "completed", null!, [], 4, 4, 0, new ResultsTimings(0, 0, 0), [], [], [], 0)).Leaders!;

        Assert.Equal([1, 3, 0], leaders["sortino"].Select(r => r.Index));
        Assert.Equal([2.5, 1.1, 0.8], leaders["sortino"].Select(r => r.Sortino!.Value));
        Assert.Equal([2, 1, 3], leaders["calmar"].Select(r => r.Index));
        Assert.Equal([1.9, 0.3, -0.4], leaders["calmar"].Select(r => RankedMetric.Find("calmar")!.Of(r)!.Value));

        // Task 0's infinite Calmar is no figure: out of the calmar leaders, and null in its row where it leads by Sortino.
        Assert.Null(leaders["sortino"].Single(r => r.Index == 0).Calmar);
    }

    [Fact]
    public void ParameterEffects_AreEachVariedParameter_ValueByValue_AcrossSymbolsAndTheOtherParameter()
    {
        var summary = Fold(
            5,
            (1.0, 0.10, 0, 0, 0),
            (2.0, -0.05, 0, 0, 0),
            (0.5, 0.40, 0, 0, 0),
            (double.NaN, -0.10, 0, 0, 0),
            (1.5, 0.20, 0, 0, 0),
            (0.1, 0.01, 0, 0, 0),
            (3.0, -0.05, 0, 0, 0),
            (0.2, 0.02, 0, 0, 0));

        // upper took one value: not an effect. Periods in numeric order.
        var effects = summary.Parameters!;
        Assert.Equal(["period", "lower"], effects.Select(e => e.Parameter));
        var period = effects[0];
        Assert.Equal("rsi", period.Strategy);
        Assert.Equal(["5", "10"], period.Values.Select(v => v.Value));

        // period=5: tasks 0, 1, 4, 5 -> Sharpe 1.0, 2.0, 1.5, 0.1; returns 0.10, -0.05, 0.20, 0.01.
        var five = period.Values[0];
        Assert.Equal(4, five.Backtests);
        Assert.Equal((1.0 + 2.0 + 1.5 + 0.1) / 4, five.MeanSharpe!.Value, 12);
        Assert.Equal(2.0, five.BestSharpe);
        Assert.Equal((0.10 - 0.05 + 0.20 + 0.01) / 4, five.MeanReturn!.Value, 12);
        Assert.Equal(0.75, five.PositiveShare);

        // period=10: tasks 2, 3, 6, 7; task 3's NaN Sharpe is left out of the Sharpe figures, not of the count.
        var ten = period.Values[1];
        Assert.Equal(4, ten.Backtests);
        Assert.Equal((0.5 + 3.0 + 0.2) / 3, ten.MeanSharpe!.Value, 12);
        Assert.Equal(0.5, ten.PositiveShare);

        // lower=30: tasks 1, 3, 5, 7.
        var thirty = effects[1].Values.Single(v => v.Value == "30");
        Assert.Equal((2.0 + 0.1 + 0.2) / 3, thirty.MeanSharpe!.Value, 12);
    }

    [Fact]
    public void ParameterEffects_OfOneParameterSet_AreNone()
    {
        var fold = new StoreFold(5, [Sets[0]], ["TCS", "INFY"]);
        fold.Add(0, Row(1, 0.1, 0, 0, 0));
        fold.Add(1, Row(2, 0.2, 0, 0, 0));

        var summary = fold.Summary(new ResultsSummary("job", "completed", null!, [], 2, 2, 0, new ResultsTimings(0, 0, 0), [], [], [], 0));

        Assert.Null(summary.Parameters);
        Assert.Equal([1, 0], summary.Leaders!["sharpe"].Select(r => r.Index));
    }
}

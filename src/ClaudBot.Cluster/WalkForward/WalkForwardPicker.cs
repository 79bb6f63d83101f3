using System.Globalization;
using ClaudBot.Cluster.Results;
using ClaudBot.Cluster.Results.Store;
using ClaudBot.Engine.Simulation;

namespace ClaudBot.Cluster.WalkForward;

/// <summary>
/// Picks one window's parameter set as its in-sample results stream past, by docs/walk-forward.md: among the sets that
/// ran with at least the least trades and a finite objective, the best by the objective, then by Sharpe, then by total
/// return, then the earlier in the grid. Keeps only the best so far.
/// </summary>
internal sealed class WalkForwardPicker(RankedMetric objective, int minTrades)
{
    private double _score;
    private double _sharpe;
    private double _totalReturn;
    private int _ran;
    private int _mostTrades = -1;

    /// <summary>The grid index of the pick so far; null while none qualifies.</summary>
    public int? Pick { get; private set; }

    /// <summary>The pick's in-sample figures.</summary>
    public BacktestMetrics? InSample { get; private set; }

    /// <summary>Offers grid point <paramref name="index"/>'s in-sample result; offered in grid order, so equals keep the earlier.</summary>
    public void Offer(int index, in StoredRow row)
    {
        if (row.Failed)
        {
            return;
        }

        _ran++;
        _mostTrades = Math.Max(_mostTrades, row.TradesOrError);
        if (row.TradesOrError < minTrades || objective.Score(ResultMetrics.Of(row)) is not { } score)
        {
            return;
        }

        if (Pick is null || Better(score, row.Sharpe, row.TotalReturn))
        {
            (Pick, _score, _sharpe, _totalReturn, InSample) = (index, score, row.Sharpe, row.TotalReturn, row.ToBacktestMetrics());
        }
    }

    /// <summary>Why the window has no pick (null when it has one).</summary>
    public string? NoPickReason() => Pick is not null ? null
        : _ran == 0 ? "no parameter set ran in-sample"
        : string.Create(CultureInfo.InvariantCulture, $"no parameter set made {minTrades} trades in-sample (most: {_mostTrades}), so the window was held in cash");

    private bool Better(double score, double sharpe, double totalReturn) =>
        score != _score ? score > _score
        : sharpe != _sharpe ? sharpe > _sharpe
        : totalReturn > _totalReturn;
}

using System.ComponentModel.DataAnnotations;

namespace ClaudBot.Backtesting;

/// <summary>Defaults for backtests (section <c>Backtest</c>).</summary>
public sealed class BacktestOptions
{
    public const string Section = "Backtest";

    /// <summary>Cost per side in basis points when a request does not say; 10 bps is about NSE delivery STT plus a discount broker.</summary>
    [Range(0, 9_999)]
    public double CostBps { get; set; } = 10;

    /// <summary>Starting cash of every backtest.</summary>
    [Range(1, 1e15)]
    public double InitialCapital { get; set; } = 1_000_000;

    /// <summary>The cluster's default task cap (<c>Cluster:MaxTasks</c>).</summary>
    public const int DefaultMaxTasks = 100_000;

    /// <summary>The setting that caps the backtests (parameter sets x symbols) of one request.</summary>
    public const string MaxTasksSetting = "Cluster:MaxTasks";

    /// <summary>Most parameter combinations one request may expand to.</summary>
    [Range(1, 10_000_000)]
    public int MaxCombinations { get; set; } = 10_000;

    /// <summary>
    /// Most backtests (parameter sets x symbols) one request may have, on the command line as in the cluster.
    /// Read from <see cref="MaxTasksSetting"/> (one setting for both), never from this section: no public setter.
    /// </summary>
    [Range(1, 10_000_000)]
    public int MaxTasks { get; internal set; } = DefaultMaxTasks;
}

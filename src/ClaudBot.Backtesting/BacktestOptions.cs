using System.ComponentModel.DataAnnotations;
using ClaudBot.Backtesting.Costs;
using ClaudBot.Backtesting.Execution;

namespace ClaudBot.Backtesting;

/// <summary>Defaults for backtests (section <c>Backtest</c>).</summary>
public sealed class BacktestOptions : IValidatableObject
{
    public const string Section = "Backtest";

    /// <summary>
    /// The N of the default <c>bps:N</c> model, used only while <see cref="Costs"/> is unset (so settings written before cost
    /// models keep their meaning); 10 bps is about NSE delivery STT plus a discount broker.
    /// </summary>
    [Range(0, 9_999)]
    public double CostBps { get; set; } = 10;

    /// <summary>The cost model when a request does not name one (<c>bps:N</c>, <c>zerodha-delivery</c>, ...); unset means <c>bps:</c><see cref="CostBps"/>.</summary>
    public string? Costs { get; set; }

    /// <summary>Where the user's cost model files are (<c>&lt;config&gt;/costs</c> of the home); they override bundled ones of the same name.</summary>
    public string? CostModelsDirectory { get; set; }

    /// <summary>Slippage in basis points when a request does not say: buys fill at open x (1 + s), sells at open x (1 - s).</summary>
    [Range(0, 9_999)]
    public double SlippageBps { get; set; }

    /// <summary>How much an entry buys when a request does not say: <c>all</c>, <c>pct:P</c> or <c>amount:A</c>.</summary>
    public string Sizing { get; set; } = "all";

    /// <summary>Whole shares only when a request does not say; unset takes the cost model's default (on for Zerodha, off for bps:N).</summary>
    public bool? WholeShares { get; set; }

    /// <summary>Starting cash of every backtest.</summary>
    [Range(1, 1e15)]
    public double InitialCapital { get; set; } = 1_000_000;

    /// <summary>The cluster's default task cap (<c>Cluster:MaxTasks</c>).</summary>
    public const int DefaultMaxTasks = 10_000_000;

    /// <summary>The setting that caps the backtests (parameter sets x symbols) of one request.</summary>
    public const string MaxTasksSetting = "Cluster:MaxTasks";

    /// <summary>
    /// Most parameter combinations one request may expand to: enough for one grid over nifty50's 49 symbols to reach
    /// <see cref="DefaultMaxTasks"/>; it guards the expansion itself (a typo such as <c>period=1..10000000</c>).
    /// </summary>
    [Range(1, 10_000_000)]
    public int MaxCombinations { get; set; } = 250_000;

    /// <summary>
    /// Most backtests (parameter sets x symbols) one request may have, on the command line as in the cluster.
    /// Read from <see cref="MaxTasksSetting"/> (one setting for both), never from this section: no public setter.
    /// </summary>
    [Range(1, 10_000_000)]
    public int MaxTasks { get; internal set; } = DefaultMaxTasks;

    /// <summary>Checks that the default cost model resolves and the sizing reads, as one line each.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var failures = new List<ValidationResult>();
        try
        {
            ExecutionSettings.Build(this, CostModels.From(this), null, null, null);
        }
        catch (Exception error) when (error is CostModelException or FormatException or ArgumentOutOfRangeException)
        {
            failures.Add(new ValidationResult($"Backtest: {InputErrors.Describe(error)}", [nameof(Costs)]));
        }

        return failures;
    }
}

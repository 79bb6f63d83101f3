namespace ClaudBot.Cluster.Results;

/// <summary>
/// A metric a summary can rank by besides the one ranking (<see cref="RankKey"/>): its name as results name it, which
/// way is better, and how to read it from a result. Ties on the metric fall back to the one ranking, so the order is
/// total; a result whose metric has no number (a null profit factor, fees of an old file) does not take part.
/// </summary>
public sealed class RankedMetric
{
    private readonly Func<ResultMetrics, double?> _read;
    private readonly Func<ResultRow, double?> _ofRow;

    private RankedMetric(string name, bool higherIsBetter, Func<ResultMetrics, double?> read, Func<ResultRow, double?> ofRow) =>
        (Name, HigherIsBetter, _read, _ofRow) = (name, higherIsBetter, read, ofRow);

    /// <summary>As in a result's <c>metrics</c> object, e.g. <c>cagr</c>.</summary>
    public string Name { get; }

    /// <summary>False for costs (fees, turnover); drawdown is zero or negative, so higher is better.</summary>
    public bool HigherIsBetter { get; }

    /// <summary>Every metric a summary keeps leaders for, in the order a summary lists them.</summary>
    public static readonly IReadOnlyList<RankedMetric> All =
    [
        new("sharpe", true, m => m.Sharpe, r => r.Sharpe),
        new("sortino", true, m => m.Sortino, r => r.Sortino),
        new("total_return", true, m => m.TotalReturn, r => r.TotalReturn),
        new("cagr", true, m => m.Cagr, r => r.Cagr),
        new("calmar", true, m => m.Calmar, r => r.Calmar),
        new("max_drawdown", true, m => m.MaxDrawdown, r => r.MaxDrawdown),
        new("win_rate", true, m => m.WinRate, r => r.WinRate),
        new("profit_factor", true, m => m.ProfitFactor, r => r.ProfitFactor),
        new("trades", true, m => m.Trades, r => r.Trades),
        new("fees", false, m => m.Fees, r => r.Fees),
        new("turnover", false, m => m.Turnover, r => r.Turnover),
    ];

    /// <summary>The metric of that name (as results name it, or as a trader writes it: "drawdown", "win rate", "return"); null if none.</summary>
    public static RankedMetric? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string key = name.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
        key = key switch
        {
            "return" or "returns" => "total_return",
            "drawdown" or "dd" or "max_dd" => "max_drawdown",
            "pf" => "profit_factor",
            "winrate" or "hit_rate" => "win_rate",
            "annual_return" or "cagr%" => "cagr",
            "sharpe_ratio" => "sharpe",
            "sortino_ratio" => "sortino",
            "calmar_ratio" => "calmar",
            _ => key,
        };
        return All.FirstOrDefault(m => string.Equals(m.Name, key, StringComparison.Ordinal));
    }

    /// <summary>The metric as a row shows it (null or NaN where it has no number), for a table ranked by it.</summary>
    public double? Of(ResultRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return _ofRow(row);
    }

    /// <summary>The value a result is ranked on: greater is better; null when the metric has no finite number.</summary>
    internal double? Score(in ResultMetrics metrics) => _read(metrics) is { } value && double.IsFinite(value) ? (HigherIsBetter ? value : -value) : null;
}

namespace ClaudBot.Tests.Support;

/// <summary>The documented property names of <c>backtest --json</c>, in the order they are written.</summary>
internal static class JsonShape
{
    public static readonly string[] ResultKeys = ["strategy", "params", "symbol", "from", "to", "bars", "metrics", "benchmark", "excess_return", "beta", "alpha", "market_index", "trades"];

    public static readonly string[] MetricKeys =
    [
        "total_return", "cagr", "volatility", "sharpe", "sortino", "max_drawdown", "calmar",
        "trades", "win_rate", "profit_factor", "exposure", "final_equity", "fees", "turnover", "skipped_entries",
    ];

    public static readonly string[] TradeKeys = ["entry_date", "entry_price", "exit_date", "exit_price", "return", "shares", "fees", "reason", "open"];
}

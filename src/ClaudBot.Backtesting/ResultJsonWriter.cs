using System.Globalization;
using System.Text.Json;
using ClaudBot.Engine;

namespace ClaudBot.Backtesting;

/// <summary>
/// Writes a backtest result as JSON, the one shape every output shares (CLI <c>--json</c>, cluster
/// results files, API): <c>strategy, params (a built-in's exits among them, in percent), symbol, from, to, bars, metrics{...}, benchmark{...}, excess_return, beta,
/// alpha, market_index, trades[...]</c> (a cluster job's results leave the trades out: see <see cref="Write"/>),
/// snake_case, ISO dates, metrics as numbers. Written straight to a <see cref="Utf8JsonWriter"/> so a
/// sweep of thousands of results costs no intermediate objects.
/// </summary>
/// <remarks>
/// JSON has no NaN or Infinity (<see cref="Utf8JsonWriter"/> throws on them), and a metric can be one:
/// <c>cagr</c> overflows to +Infinity when a short range multiplies the equity (the annualising power),
/// <c>calmar</c> follows it (and a huge CAGR over a tiny drawdown), and an equity curve that overflows makes
/// <c>total_return</c>, <c>final_equity</c>, the return statistics (<c>volatility</c>, <c>sharpe</c>,
/// <c>sortino</c>) and <c>max_drawdown</c> Infinity or NaN. Every non-finite number (metrics, trade prices and
/// returns, equity values) is written as <c>null</c>, as <c>profit_factor</c> is when no trade lost.
/// </remarks>
public static class ResultJsonWriter
{
    /// <param name="withTrades">
    /// False for a cluster job's results: a sweep's trades are most of its bytes (4 KB of 4.3 KB a backtest) and nobody
    /// reads them all; the engine is deterministic, so the trades of the result a user looks at are its run again
    /// (the node's equity API, the chat's chart and losses).
    /// </param>
    public static void Write(Utf8JsonWriter writer, BacktestResult result, int? index = null, bool withTrades = true)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteStartObject();
        if (index is { } i)
        {
            writer.WriteNumber("index", i);
        }

        writer.WriteString("strategy", StrategyName(result.Strategy));
        writer.WritePropertyName("params");
        WriteParams(writer, result.Strategy);
        writer.WriteString("symbol", result.Symbol);
        writer.WriteString("from", result.Range.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteString("to", result.Range.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteNumber("bars", result.Range.Count);
        WriteMetrics(writer, result.Metrics);
        WriteMarket(writer, result.Market);
        if (withTrades)
        {
            WriteTrades(writer, result.Trades);
        }

        if (result.Equity is { } equity)
        {
            writer.WriteStartArray("equity");
            foreach (double value in equity)
            {
                if (double.IsFinite(value))
                {
                    writer.WriteNumberValue(value);
                }
                else
                {
                    writer.WriteNullValue();
                }
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>What <c>strategy</c> says: the name of a built-in, the canonical text of a written rule (it has no name or parameters of its own).</summary>
    public static string StrategyName(Engine.Strategies.StrategyParameters strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return strategy.Rule?.Text ?? strategy.Name;
    }

    /// <summary>The <c>params</c> object: every parameter, then a built-in's exits in percent as written (stop=4%); a rule's are in its text.</summary>
    public static void WriteParams(Utf8JsonWriter writer, Engine.Strategies.StrategyParameters strategy)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(strategy);
        writer.WriteStartObject();
        foreach (var (name, value) in strategy.Values)
        {
            WriteFinite(writer, name, value);
        }

        foreach (string exit in strategy.Rule is null ? Engine.Simulation.ExitRules.Names : [])
        {
            if (strategy.Exits[exit] is { } fraction)
            {
                writer.WriteNumber(exit, Engine.Simulation.ExitRules.InPercent(fraction));
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteTrades(Utf8JsonWriter writer, IReadOnlyList<TradeResult> trades)
    {
        writer.WriteStartArray("trades");
        foreach (var trade in trades)
        {
            writer.WriteStartObject();
            writer.WriteString("entry_date", trade.EntryDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            WriteFinite(writer, "entry_price", trade.EntryPrice);
            writer.WriteString("exit_date", trade.ExitDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            WriteFinite(writer, "exit_price", trade.ExitPrice);
            WriteFinite(writer, "return", trade.Return);
            WriteFinite(writer, "shares", trade.Shares);
            WriteFinite(writer, "fees", trade.Fees);
            writer.WriteString("reason", ExitReasonText(trade.Reason));
            writer.WriteBoolean("open", trade.IsOpen);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public static void WriteMetrics(Utf8JsonWriter writer, Engine.Simulation.BacktestMetrics m)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject("metrics");
        WriteFinite(writer, "total_return", m.TotalReturn);
        WriteFinite(writer, "cagr", m.Cagr);
        WriteFinite(writer, "volatility", m.Volatility);
        WriteFinite(writer, "sharpe", m.Sharpe);
        WriteFinite(writer, "sortino", m.Sortino);
        WriteFinite(writer, "max_drawdown", m.MaxDrawdown);
        WriteFinite(writer, "calmar", m.Calmar);
        writer.WriteNumber("trades", m.Trades);
        WriteFinite(writer, "win_rate", m.WinRate);
        WriteFinite(writer, "profit_factor", m.ProfitFactor ?? double.NaN);
        WriteFinite(writer, "exposure", m.Exposure);
        WriteFinite(writer, "final_equity", m.FinalEquity);
        WriteFinite(writer, "fees", m.Fees);
        WriteFinite(writer, "turnover", m.Turnover);
        writer.WriteNumber("skipped_entries", m.SkippedEntries);
        writer.WriteEndObject();
    }

    /// <summary>
    /// <c>benchmark{total_return, cagr, sharpe, max_drawdown, final_equity}</c> (buy and hold, same settings),
    /// <c>excess_return</c>, <c>beta</c>, <c>alpha</c>; each null when undefined or when the result has no comparison;
    /// <c>market_index</c>, what beta and alpha are against (<c>NIFTY50 (imported)</c> or the equal-weight stand-in), null with none.
    /// </summary>
    public static void WriteMarket(Utf8JsonWriter writer, MarketComparison? market)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (market is null)
        {
            writer.WriteNull("benchmark");
        }
        else
        {
            var b = market.Benchmark;
            writer.WriteStartObject("benchmark");
            WriteFinite(writer, "total_return", b.TotalReturn);
            WriteFinite(writer, "cagr", b.Cagr);
            WriteFinite(writer, "sharpe", b.Sharpe);
            WriteFinite(writer, "max_drawdown", b.MaxDrawdown);
            WriteFinite(writer, "final_equity", b.FinalEquity);
            writer.WriteEndObject();
        }

        WriteFinite(writer, "excess_return", market?.ExcessReturn ?? double.NaN);
        WriteFinite(writer, "beta", market?.Beta ?? double.NaN);
        WriteFinite(writer, "alpha", market?.Alpha ?? double.NaN);
        writer.WriteString("market_index", market?.Index);
    }

    /// <summary>A number, or null where it is not finite: JSON has no NaN or Infinity (see the remarks).</summary>
    public static void WriteFinite(Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Why a trade closed, as results name it: signal, stop, target, trail, open (still held at the end) or window (sold at a walk-forward window's end).</summary>
    private static string ExitReasonText(Engine.Simulation.ExitReason reason) => reason switch
    {
        Engine.Simulation.ExitReason.Stop => "stop",
        Engine.Simulation.ExitReason.Target => "target",
        Engine.Simulation.ExitReason.Trail => "trail",
        Engine.Simulation.ExitReason.Open => "open",
        Engine.Simulation.ExitReason.Window => "window",
        _ => "signal",
    };
}

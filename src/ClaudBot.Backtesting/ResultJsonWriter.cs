using System.Globalization;
using System.Text.Json;
using ClaudBot.Engine;

namespace ClaudBot.Backtesting;

/// <summary>
/// Writes a backtest result as JSON, the one shape every output shares (CLI <c>--json</c>, cluster
/// results files, API): <c>strategy, params, symbol, from, to, bars, metrics{...}, trades[...]</c>,
/// snake_case, ISO dates, metrics as numbers. Written straight to a <see cref="Utf8JsonWriter"/> so a
/// sweep of thousands of results costs no intermediate objects.
/// </summary>
public static class ResultJsonWriter
{
    public static void Write(Utf8JsonWriter writer, BacktestResult result, int? index = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteStartObject();
        if (index is { } i)
        {
            writer.WriteNumber("index", i);
        }

        writer.WriteString("strategy", result.Strategy.Name);
        writer.WriteStartObject("params");
        foreach (var (name, value) in result.Strategy.Values)
        {
            writer.WriteNumber(name, value);
        }

        writer.WriteEndObject();
        writer.WriteString("symbol", result.Symbol);
        writer.WriteString("from", result.Range.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteString("to", result.Range.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteNumber("bars", result.Range.Count);
        WriteMetrics(writer, result.Metrics);
        writer.WriteStartArray("trades");
        foreach (var trade in result.Trades)
        {
            writer.WriteStartObject();
            writer.WriteString("entry_date", trade.EntryDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.WriteNumber("entry_price", trade.EntryPrice);
            writer.WriteString("exit_date", trade.ExitDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.WriteNumber("exit_price", trade.ExitPrice);
            writer.WriteNumber("return", trade.Return);
            writer.WriteBoolean("open", trade.IsOpen);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (result.Equity is { } equity)
        {
            writer.WriteStartArray("equity");
            foreach (double value in equity)
            {
                writer.WriteNumberValue(value);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    public static void WriteMetrics(Utf8JsonWriter writer, Engine.Simulation.BacktestMetrics m)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject("metrics");
        writer.WriteNumber("total_return", m.TotalReturn);
        writer.WriteNumber("cagr", m.Cagr);
        writer.WriteNumber("volatility", m.Volatility);
        writer.WriteNumber("sharpe", m.Sharpe);
        writer.WriteNumber("sortino", m.Sortino);
        writer.WriteNumber("max_drawdown", m.MaxDrawdown);
        writer.WriteNumber("calmar", m.Calmar);
        writer.WriteNumber("trades", m.Trades);
        writer.WriteNumber("win_rate", m.WinRate);
        if (m.ProfitFactor is { } profitFactor)
        {
            writer.WriteNumber("profit_factor", profitFactor);
        }
        else
        {
            writer.WriteNull("profit_factor");
        }

        writer.WriteNumber("exposure", m.Exposure);
        writer.WriteNumber("final_equity", m.FinalEquity);
        writer.WriteEndObject();
    }
}

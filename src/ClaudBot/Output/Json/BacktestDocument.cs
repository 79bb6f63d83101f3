using System.Text.Json.Serialization;
using ClaudBot.Backtesting;
using ClaudBot.Engine;

namespace ClaudBot.Output.Json;

/// <summary>The <c>--json</c> output of <c>claudbot backtest</c>: snake_case names, ISO dates, metrics as numbers.</summary>
internal sealed record BacktestDocument(IReadOnlyList<ResultDocument> Results, IReadOnlyList<string> Notes, double CostBps, double InitialCapital)
{
    public static BacktestDocument From(BacktestReport report) =>
        new([.. report.Results.Select(ResultDocument.Create)], report.Notes, report.CostBps, report.InitialCapital);
}

internal sealed record ResultDocument(
    string Strategy,
    IReadOnlyDictionary<string, double> Params,
    string Symbol,
    DateOnly From,
    DateOnly To,
    int Bars,
    MetricsDocument Metrics,
    IReadOnlyList<TradeDocument> Trades,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<double>? Equity)
{
    public static ResultDocument Create(BacktestResult result) => new(
        result.Strategy.Name,
        result.Strategy.Values.ToDictionary(),
        result.Symbol,
        result.Range.From,
        result.Range.To,
        result.Range.Count,
        MetricsDocument.From(result.Metrics),
        [.. result.Trades.Select(t => new TradeDocument(t.EntryDate, t.EntryPrice, t.ExitDate, t.ExitPrice, t.Return, t.IsOpen))],
        result.Equity);
}

internal sealed record MetricsDocument(
    double TotalReturn,
    double Cagr,
    double Volatility,
    double Sharpe,
    double Sortino,
    double MaxDrawdown,
    double Calmar,
    int Trades,
    double WinRate,
    double? ProfitFactor,
    double Exposure,
    double FinalEquity)
{
    public static MetricsDocument From(Engine.Simulation.BacktestMetrics m) => new(
        m.TotalReturn, m.Cagr, m.Volatility, m.Sharpe, m.Sortino, m.MaxDrawdown, m.Calmar, m.Trades, m.WinRate, m.ProfitFactor, m.Exposure, m.FinalEquity);
}

/// <param name="Open">True for a position still held at the end, marked to the last close.</param>
internal sealed record TradeDocument(DateOnly EntryDate, double EntryPrice, DateOnly ExitDate, double ExitPrice, double Return, bool Open);

using ClaudBot.Backtesting.Execution;
using ClaudBot.Engine.Portfolio;
using ClaudBot.MarketData;

namespace ClaudBot.Backtesting;

/// <summary>
/// A portfolio backtest on this machine's data (docs/portfolio.md): the request checked as any backtest is (strategy,
/// symbols and aliases, dates, costs), its one strategy on every symbol sharing one account. Milliseconds for a
/// universe of 50 over five years, so it runs where it is asked (the CLI, the node's API), not as a queued job.
/// </summary>
public sealed class PortfolioRunner(IMarketData marketData, Microsoft.Extensions.Options.IOptions<BacktestOptions> options)
{
    /// <param name="execution">Costs, slippage, whole shares and exits as for a backtest; its size is the portfolio's (slots, pct:P, amount:A).</param>
    /// <param name="perSymbol">Strategies of their own for some symbols (symbol and strategy as typed); the rest run <paramref name="strategy"/>.</param>
    /// <exception cref="PortfolioException">Settings the portfolio cannot run, in one line (the backtest's own errors for the rest).</exception>
    public async Task<(PortfolioResult Result, PortfolioSettings Settings, IReadOnlyList<string> Notes)> RunAsync(
        string strategy, IReadOnlyList<string> symbols, DateOnly from, DateOnly to, int maxPositions, string? rank, ExecutionChoice? execution, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? perSymbol = null)
    {
        var size = PortfolioSizing.Parse(execution?.Size ?? "slots");
        var prepared = RequestPreparation.Prepare(marketData, options.Value, strategy, symbols, from, to, costBps: null, execution: execution is null ? null : execution with { Size = null });
        if (prepared.Selection.Parameters.Count != 1)
        {
            throw new PortfolioException($"A portfolio runs one parameter set on every symbol; '{strategy}' is {prepared.Selection.Parameters.Count} (a grid runs as a portfolio job: 'portfolio' in POST /api/jobs, or give one value each).");
        }

        var parameters = prepared.Selection.Parameters[0];
        var bars = new List<Engine.Data.BarSeries>(prepared.Symbols.Count);
        foreach (var symbol in prepared.Symbols)
        {
            bars.Add((await marketData.LoadAsync(symbol.Symbol, cancellationToken: cancellationToken).ConfigureAwait(false)).Bars);
        }

        var own = PortfolioStrategies.Resolve(marketData, perSymbol, [.. prepared.Symbols.Select(s => s.Symbol)], execution?.Exits ?? default);
        var settings = new PortfolioSettings(bars, from, to, parameters, maxPositions)
        {
            PerSymbol = own.ToDictionary(p => p.Key, p => p.Value.Parameters, StringComparer.Ordinal),
            Rank = rank is null ? PortfolioRanking.Strength : PortfolioRanking.Parse(rank),
            Size = size,
            Execution = prepared.Settings,
            Exits = parameters.Exits,
        };
        return (PortfolioSimulator.Run(settings), settings, prepared.Notes);
    }

    /// <summary>As <see cref="RunAsync"/>, as the API sends it.</summary>
    public async Task<PortfolioView> ViewAsync(
        string strategy, IReadOnlyList<string> symbols, DateOnly from, DateOnly to, int maxPositions, string? rank, ExecutionChoice? execution, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? perSymbol = null)
    {
        var (result, settings, notes) = await RunAsync(strategy, symbols, from, to, maxPositions, rank, execution, cancellationToken, perSymbol).ConfigureAwait(false);
        return PortfolioView.Of(settings.Strategy.ToString(), maxPositions, result, settings.Rank, settings.Size, notes);
    }
}

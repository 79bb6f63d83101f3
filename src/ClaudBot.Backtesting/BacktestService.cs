using ClaudBot.Engine;
using ClaudBot.Engine.Data;
using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Strategies.Parsing;
using ClaudBot.MarketData;
using Microsoft.Extensions.Options;

namespace ClaudBot.Backtesting;

/// <summary>
/// Validates a request completely (strategies, symbols, dates, settings) before running anything, then
/// loads each symbol once and runs every strategy on it.
/// </summary>
/// <remarks>
/// Errors are the user's to fix and say how: <see cref="Engine.Strategies.StrategySpecException"/>,
/// <see cref="MarketDataException"/> and its kinds, <see cref="DateRangeException"/>, and
/// <see cref="ArgumentOutOfRangeException"/> for a cost out of range.
/// </remarks>
public sealed class BacktestService(IMarketData marketData, IOptions<BacktestOptions> options)
{
    private readonly BacktestOptions _options = options.Value;

    public async Task<BacktestReport> RunAsync(BacktestRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.From > request.To)
        {
            throw new DateRangeException($"The range {request.From:yyyy-MM-dd} to {request.To:yyyy-MM-dd} is inverted: 'from' must not be after 'to'.");
        }

        var settings = new SimulationSettings(request.CostBps ?? _options.CostBps, _options.InitialCapital);
        settings.Validate();
        var selection = StrategyParser.Parse(request.Strategies, _options.MaxCombinations);
        if (request.Symbols.Count == 0)
        {
            throw new InvalidSymbolException(string.Empty);
        }

        var symbols = marketData.ResolveAll(request.Symbols);
        var notes = new List<string>(selection.Notes);
        notes.AddRange(symbols.Where(s => s.Note is not null).Select(s => s.Note!));

        var results = new List<BacktestResult>(selection.Parameters.Count * symbols.Count);
        var backtester = new Backtester();
        var bySymbol = new List<BacktestResult>[symbols.Count];
        var clipped = new List<(string Symbol, string Span)>();
        for (int s = 0; s < symbols.Count; s++)
        {
            var loaded = await marketData.LoadAsync(symbols[s].Symbol, request.Lenient, cancellationToken);
            notes.AddRange(loaded.Warnings);
            var range = BarRange.Resolve(loaded.Bars, request.From, request.To);
            if (range.IsClipped)
            {
                clipped.Add((loaded.Bars.Symbol, ClipSpan(loaded.Bars, range)));
            }

            bySymbol[s] = [.. selection.Parameters.Select(p => backtester.Run(p, loaded.Bars, range, settings, request.IncludeEquity))];
        }

        // One note per distinct clipping, naming the symbols it applies to, rather than one per symbol.
        notes.AddRange(clipped.GroupBy(c => c.Span).Select(g =>
            $"{string.Join(", ", g.Select(c => c.Symbol))}: {g.Key} (asked {request.From:yyyy-MM-dd} to {request.To:yyyy-MM-dd})."));

        for (int p = 0; p < selection.Parameters.Count; p++)
        {
            results.AddRange(bySymbol.Select(list => list[p]));
        }

        return new BacktestReport(results, notes, settings.CostBps, settings.InitialCapital);
    }

    private static string ClipSpan(BarSeries bars, BarRange range) =>
        $"data covers {bars.FirstDate:yyyy-MM-dd} to {bars.LastDate:yyyy-MM-dd}, so ran {range.From:yyyy-MM-dd} to {range.To:yyyy-MM-dd}";
}

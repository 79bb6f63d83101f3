using ClaudBot.Engine.Portfolio;
using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Strategies.Parsing;
using ClaudBot.MarketData;

namespace ClaudBot.Backtesting;

/// <summary>
/// A portfolio's strategies of its own for some symbols (docs/portfolio.md, "one strategy per symbol"), as every channel
/// gives them (symbol as typed, strategy as typed): each symbol resolved as the universe's are and required to be one of
/// it, each strategy read with the request's exits and required to be one parameter set. The canonical texts travel
/// with a job and parse back to the same parameters.
/// </summary>
public static class PortfolioStrategies
{
    /// <summary>The most symbols with a strategy of their own: every symbol of a large universe, and no more.</summary>
    public const int MaxEntries = 500;

    /// <param name="universe">The portfolio's symbols, resolved.</param>
    /// <returns>Canonical symbol to canonical strategy text and its parameters, in the order given.</returns>
    /// <exception cref="PortfolioException">A symbol outside the universe or named twice, or a strategy that is a grid.</exception>
    public static IReadOnlyDictionary<string, (string Text, StrategyParameters Parameters)> Resolve(
        IMarketData marketData, IReadOnlyDictionary<string, string>? perSymbol, IReadOnlyList<string> universe, ExitRules exits, ISavedRules? saved = null)
    {
        ArgumentNullException.ThrowIfNull(marketData);
        ArgumentNullException.ThrowIfNull(universe);
        var resolved = new Dictionary<string, (string, StrategyParameters)>(StringComparer.Ordinal);
        if (perSymbol is null || perSymbol.Count == 0)
        {
            return resolved;
        }

        if (perSymbol.Count > MaxEntries)
        {
            throw new PortfolioException($"At most {MaxEntries} symbols may have a strategy of their own, not {perSymbol.Count}.");
        }

        foreach (var (typed, text) in perSymbol)
        {
            string symbol = marketData.Resolve(typed).Symbol;
            if (!universe.Contains(symbol, StringComparer.Ordinal))
            {
                throw new PortfolioException($"A strategy is given for {symbol}, which is not one of the portfolio's symbols.");
            }

            var parameters = StrategyParser.Parse(RequestExits.Apply(text ?? string.Empty, exits, saved), saved: saved).Parameters;
            if (parameters.Count != 1)
            {
                throw new PortfolioException($"{symbol}'s own strategy must be one parameter set, not the grid '{Engine.Text.UserText.Excerpt(text ?? string.Empty)}'.");
            }

            // One stop, target and trail for every position of a portfolio (the request's or the main strategy's).
            if (parameters[0].Exits != exits)
            {
                throw new PortfolioException($"{symbol}'s own strategy has exits of its own; a portfolio's stop, target and trail are one for every position: give them with the request.");
            }

            if (!resolved.TryAdd(symbol, (parameters[0].ToString(), parameters[0])))
            {
                throw new PortfolioException($"{symbol} is given a strategy of its own twice: give it once.");
            }
        }

        return resolved;
    }
}

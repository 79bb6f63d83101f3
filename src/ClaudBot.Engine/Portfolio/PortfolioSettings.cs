using ClaudBot.Engine.Data;
using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Strategies;

namespace ClaudBot.Engine.Portfolio;

/// <summary>
/// A portfolio backtest (docs/portfolio.md): one strategy (or one per symbol) over a universe sharing one account, at most
/// <see cref="MaxPositions"/> held at once, entries sized by <see cref="Size"/> and ranked by <see cref="Rank"/>.
/// <see cref="Execution"/> gives the capital, charges, slippage and whole shares as for a backtest (its own sizing must be
/// left at its default: the portfolio's is <see cref="Size"/>); <see cref="Exits"/> the stop, target and trail every position carries.
/// </summary>
public sealed record PortfolioSettings(
    IReadOnlyList<BarSeries> Symbols,
    DateOnly From,
    DateOnly To,
    StrategyParameters Strategy,
    int MaxPositions)
{
    /// <summary>Strategies that replace <see cref="Strategy"/> for the symbols named.</summary>
    public IReadOnlyDictionary<string, StrategyParameters> PerSymbol { get; init; } = new Dictionary<string, StrategyParameters>();

    public PortfolioRanking Rank { get; init; } = PortfolioRanking.Strength;

    public PortfolioSizing Size { get; init; } = PortfolioSizing.Slots;

    public SimulationSettings Execution { get; init; } = new(CostBps: 10);

    public ExitRules Exits { get; init; }

    /// <summary>The strategy <paramref name="symbol"/> runs: its own from <see cref="PerSymbol"/>, else <see cref="Strategy"/>.</summary>
    public StrategyParameters StrategyOf(string symbol) => PerSymbol.TryGetValue(symbol, out var own) ? own : Strategy;

    /// <summary>Throws <see cref="PortfolioException"/> with one line when these settings cannot run.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Symbols);
        ArgumentNullException.ThrowIfNull(Strategy);
        if (Symbols.Count == 0)
        {
            throw new PortfolioException("A portfolio needs at least one symbol.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var bars in Symbols)
        {
            if (!seen.Add(bars.Symbol))
            {
                throw new PortfolioException($"{bars.Symbol} is named twice: a portfolio's symbols must be distinct.");
            }
        }

        foreach (string symbol in PerSymbol.Keys)
        {
            if (!seen.Contains(symbol))
            {
                throw new PortfolioException($"A strategy is given for {Text.UserText.Excerpt(symbol)}, which is not one of the portfolio's symbols.");
            }
        }

        if (MaxPositions < 1)
        {
            throw new PortfolioException($"max_positions must be at least 1 (got {MaxPositions}).");
        }

        if (Execution.Sizing != PositionSizing.All)
        {
            throw new PortfolioException("A portfolio is sized by its size (slots, pct:P or amount:A), not by the execution's sizing.");
        }

        try
        {
            Execution.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            // The settings' reason without the parameter name and value the exception appends on lines of their own.
            throw new PortfolioException(e.Message.Split('\n')[0].Split(" (Parameter")[0], e);
        }

        string? problem = Size.Problem(Execution.InitialCapital) ?? Exits.Problem();
        if (problem is not null)
        {
            throw new PortfolioException(problem);
        }
    }
}

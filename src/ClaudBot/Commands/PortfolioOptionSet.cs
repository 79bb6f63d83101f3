using System.CommandLine;
using System.Globalization;
using ClaudBot.Backtesting.Execution;
using ClaudBot.Cluster.Jobs;

namespace ClaudBot.Commands;

/// <summary>
/// <c>--portfolio COUNTS [--rank strength|momentum(N)]</c>: a portfolio job as the command line asks for it (docs/portfolio.md):
/// each parameter set of the grid runs as one portfolio of all the symbols, once per positions count (<c>5,10,20</c>). The
/// execution's <c>--size</c> sizes each entry (slots when absent), as in <c>claudbot portfolio</c>.
/// </summary>
internal sealed class PortfolioOptionSet
{
    private readonly Option<string?> _portfolio = new("--portfolio") { Description = "Run each parameter set as one portfolio of all the symbols, with at most N positions; several counts to compare: 5,10,20" };
    private readonly Option<string?> _rank = new("--rank") { Description = "Who gets a free slot: strength (each strategy's own signal strength, the default) or momentum(N)" };
    private readonly Option<string[]> _strategyFor = StrategyForOption();

    /// <summary><c>--strategy-for SYMBOL=STRATEGY</c>, repeatable: a symbol of the portfolio that runs a strategy of its own.</summary>
    public static Option<string[]> StrategyForOption() => new("--strategy-for")
    {
        Description = "SYMBOL=STRATEGY: this symbol runs its own strategy (one parameter set), the rest the main one; repeat for more",
        AllowMultipleArgumentsPerToken = false,
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(_portfolio);
        command.Options.Add(_rank);
        command.Options.Add(_strategyFor);
    }

    /// <returns>The portfolio settings (null without <c>--portfolio</c>) and the execution the job runs with (its size moved to the portfolio).</returns>
    /// <exception cref="FormatException"><c>--rank</c> without <c>--portfolio</c>, or counts that are not whole numbers.</exception>
    public (PortfolioJobSettings? Portfolio, ExecutionChoice Execution) Read(ParseResult parse, ExecutionChoice execution)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(execution);
        if (parse.GetValue(_portfolio) is not { } counts)
        {
            return parse.GetValue(_rank) is not null ? throw new FormatException("--rank ranks a portfolio's entries: add --portfolio COUNTS to run a portfolio.")
                : parse.GetValue(_strategyFor) is { Length: > 0 } ? throw new FormatException("--strategy-for gives a portfolio's symbol its own strategy: add --portfolio COUNTS to run a portfolio.")
                : (null, execution);
        }

        var portfolio = new PortfolioJobText(Counts(counts, "--portfolio"), parse.GetValue(_rank), execution.Size, StrategiesFor(parse.GetValue(_strategyFor))).Parse();
        return (portfolio, execution with { Size = null });
    }

    /// <summary><c>SYMBOL=STRATEGY</c> pairs as the option gives them (the strategy may hold '='); null when none.</summary>
    /// <exception cref="FormatException">A pair without '=' or with an empty side.</exception>
    public static Dictionary<string, string>? StrategiesFor(string[]? pairs)
    {
        if (pairs is not { Length: > 0 })
        {
            return null;
        }

        var own = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in pairs)
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == pair.Length - 1)
            {
                throw new FormatException($"--strategy-for takes SYMBOL=STRATEGY, e.g. SBIN=macd, not '{Engine.Text.UserText.Excerpt(pair)}'.");
            }

            own[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
        }

        return own;
    }

    /// <summary>Position counts as an option gives them: <c>5</c>, <c>5,10,20</c> or <c>5|10|20</c> (the planner checks their range).</summary>
    /// <exception cref="FormatException">A count that is not a whole number, naming the option.</exception>
    public static int[] Counts(string text, string option)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. text.Split([',', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(count => int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n
                : throw new FormatException($"{option} takes position counts, e.g. 5 or 5,10,20, not '{Engine.Text.UserText.Excerpt(count)}'."))];
    }
}

using System.CommandLine;
using ClaudBot.Cluster.Jobs;

namespace ClaudBot.Commands;

/// <summary>
/// <c>--walkforward [--in LENGTH] [--out LENGTH] [--step LENGTH] [--anchored] [--objective METRIC] [--min-trades N]</c>:
/// a walk-forward as the command line asks for it, read through <see cref="WalkForwardText"/> (the one text form every
/// channel parses) into <see cref="WalkForwardSettings"/>; docs/walk-forward.md has the rules.
/// </summary>
/// <param name="implied">For a command that is a walk-forward (<c>claudbot walkforward</c>): no <c>--walkforward</c> flag.</param>
internal sealed class WalkForwardOptionSet(bool implied = false)
{
    private readonly Option<bool> _walkForward = new("--walkforward") { Description = "Walk forward: pick the grid's best on each window's in-sample part, trade it on the out-of-sample part that follows (needs --in and --out)" };
    private readonly Option<string?> _in = new("--in") { Description = "In-sample length: 2y, 18 months, 12w, 90 days" };
    private readonly Option<string?> _out = new("--out") { Description = "Out-of-sample length: 6m, 3 months, 30 days" };
    private readonly Option<string?> _step = new("--step") { Description = "Step between windows (default: the out-of-sample length)" };
    private readonly Option<bool> _anchored = new("--anchored") { Description = "Anchored windows: every in-sample part starts at FROM (default: rolling)" };
    private readonly Option<string?> _objective = new("--objective") { Description = "Metric a window's pick is ranked by: sharpe (default), sortino, cagr, calmar, total_return, max_drawdown, ..." };
    private readonly Option<int?> _minTrades = new("--min-trades") { Description = $"Least in-sample trades a parameter set needs to be picked (default {WalkForwardSettings.DefaultMinTrades})" };

    public IEnumerable<Option> All => implied ? Settings : [_walkForward, .. Settings];

    private IEnumerable<Option> Settings => [_in, _out, _step, _anchored, _objective, _minTrades];

    public void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }
    }

    /// <returns>The settings; null without <c>--walkforward</c>.</returns>
    /// <exception cref="FormatException">A setting without <c>--walkforward</c>, a missing or unreadable length.</exception>
    public WalkForwardSettings? Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (!implied && !parse.GetValue(_walkForward))
        {
            // Quietly running a plain backtest when the user typed walk-forward settings would answer another question.
            string[] given = [.. Settings.Where(option => parse.GetResult(option) is { Implicit: false }).Select(option => option.Name)];
            return given.Length == 0 ? null
                : throw new FormatException($"{string.Join(", ", given)} {(given.Length == 1 ? "is a walk-forward setting" : "are walk-forward settings")}: add --walkforward to run a walk-forward.");
        }

        return new WalkForwardText(
            parse.GetValue(_in),
            parse.GetValue(_out),
            parse.GetValue(_step),
            parse.GetValue(_anchored),
            parse.GetValue(_objective),
            parse.GetValue(_minTrades)).Parse();
    }
}

using System.CommandLine;
using ClaudBot.Backtesting.Execution;

namespace ClaudBot.Commands;

/// <summary>
/// <c>--costs NAME --slippage-bps N --size all|pct:P|amount:A --whole-shares | --fractional</c>: how fills happen, read into an
/// <see cref="ExecutionChoice"/> (an option left out takes the setting).
/// </summary>
internal sealed class ExecutionOptionSet
{
    private readonly Option<string?> _costs = new("--costs") { Description = "Cost model: bps:N, zerodha-delivery, zerodha-intraday or one of yours (default: Backtest:Costs, else bps:Backtest:CostBps)" };
    private readonly Option<double?> _slippage = new("--slippage-bps") { Description = "Slippage in basis points: buys fill at open x (1+s), sells at open x (1-s) (default: Backtest:SlippageBps, 0)" };
    private readonly Option<string?> _size = new("--size") { Description = "How much an entry buys: all, pct:P (P% of equity) or amount:A (rupees) (default: Backtest:Sizing, all)" };
    private readonly Option<bool> _whole = new("--whole-shares") { Description = "Whole shares only (default: the cost model's: on for Zerodha, off for bps:N)" };
    private readonly Option<bool> _fractional = new("--fractional") { Description = "Fractional shares" };

    public IEnumerable<Option> All => [_costs, _slippage, _size, _whole, _fractional];

    public void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }
    }

    public ExecutionChoice Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        bool whole = parse.GetValue(_whole), fractional = parse.GetValue(_fractional);
        if (whole && fractional)
        {
            throw new FormatException("Give --whole-shares or --fractional, not both.");
        }

        return new ExecutionChoice(parse.GetValue(_costs), parse.GetValue(_slippage), parse.GetValue(_size), whole ? true : fractional ? false : null);
    }
}

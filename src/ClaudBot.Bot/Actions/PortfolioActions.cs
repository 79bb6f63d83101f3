using ClaudBot.Backtesting;
using ClaudBot.Backtesting.Execution;
using ClaudBot.Bot.NodeApi;
using ClaudBot.Bot.Replies;
using ClaudBot.Bot.Results;
using ClaudBot.Targets;

namespace ClaudBot.Bot.Actions;

/// <summary>
/// "portfolio backtest rsi on nifty50 with at most 10 positions 2021-2025": one strategy on the symbols sharing one account
/// (docs/portfolio.md). Run by the node with its data and answered at once (milliseconds, so not queued); on this
/// machine's data when the node's API does not answer (the local node stopped).
/// </summary>
public sealed class PortfolioActions(NodeApiClient nodeApi, PortfolioRunner runner) : IIntentAction
{
    public IReadOnlyList<string> Intents { get; } = ["portfolio_backtest"];

    public async Task<Reply> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        string strategy = context.Slot("strategies")!.StrategyText!;
        var symbols = context.Slot("symbols")!.Symbols!;
        var period = context.Slot("period")!.Period!.Value;
        int maxPositions = context.Slot("max_positions")?.Number ?? 10;
        var execution = context.Slot("execution")?.Execution is { } said ? new ExecutionChoice(said.Costs, said.SlippageBps, said.Size, said.WholeShares) { Exits = said.Exits } : null;
        PortfolioView view;
        try
        {
            view = await nodeApi.PortfolioAsync(strategy, symbols, period.From, period.To, maxPositions, execution, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception away) when (away is NodeApiUnavailableException or ClusterDownException)
        {
            view = await runner.ViewAsync(strategy, symbols, period.From, period.To, maxPositions, rank: null, execution, cancellationToken).ConfigureAwait(false);
        }

        return PortfolioSummary.Of(view);
    }
}

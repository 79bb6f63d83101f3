using ClaudBot.Backtesting;
using ClaudBot.Backtesting.Execution;
using ClaudBot.Bot.FollowUps;
using ClaudBot.Bot.NodeApi;
using ClaudBot.Bot.Replies;
using ClaudBot.Bot.Results;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Targets;

namespace ClaudBot.Bot.Actions;

/// <summary>
/// "portfolio backtest rsi on nifty50 with at most 10 positions 2021-2025": one strategy on the symbols sharing one account
/// (docs/portfolio.md). One setting is run by the node with its data and answered at once (milliseconds, so not queued; on
/// this machine's data when the node's API does not answer). A grid, or several position counts ("with 5|10|20 positions"),
/// is a portfolio job on the cluster: every setting ranked, the best one's report when it finishes.
/// </summary>
public sealed class PortfolioActions(NodeApiClient nodeApi, PortfolioRunner runner, ClusterJobSubmitter submitter, RecentRequests recentRequests) : IIntentAction
{
    /// <summary>"ranked by momentum" in chat: the 63-day momentum traders mean by it (a quarter of trading days); other lookbacks through the API and CLIs.</summary>
    public const string MomentumRank = "momentum(63)";

    public IReadOnlyList<string> Intents { get; } = ["portfolio_backtest"];

    public async Task<Reply> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var strategies = context.Slot("strategies")!;
        var symbols = context.Slot("symbols")!.Symbols!;
        var period = context.Slot("period")!.Period!.Value;
        IReadOnlyList<int> positions = context.Slot("max_positions")?.Numbers ?? [10];
        string? rank = context.Slot("rank")?.Choice == "momentum" ? MomentumRank : null;
        var said = context.Slot("execution")?.Execution;
        var execution = said is null ? null : new ExecutionChoice(said.Costs, said.SlippageBps, said.Size, said.WholeShares) { Exits = said.Exits };
        if (positions.Count > 1 || strategies.Strategies is { Count: > 1 })
        {
            var request = new JobRequest(strategies.StrategyText!, symbols, period.From, period.To, context.Requester)
            {
                // The portfolio's size is its own: a size said in words sizes each entry (pct:P, amount:A).
                Execution = execution is null ? null : execution with { Size = null },
                Portfolio = new PortfolioJobText(positions, rank, said?.Size).Parse(),
            };
            var (reply, id) = await submitter.SubmitAsync(context, request, cancellationToken).ConfigureAwait(false);
            recentRequests.Remember(context.Message.Chat, LastRequest.Of(context.Match, strategies, id));
            return reply;
        }

        PortfolioView view;
        try
        {
            view = await nodeApi.PortfolioAsync(strategies.StrategyText!, symbols, period.From, period.To, positions[0], rank, execution, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception away) when (away is NodeApiUnavailableException or ClusterDownException)
        {
            view = await runner.ViewAsync(strategies.StrategyText!, symbols, period.From, period.To, positions[0], rank, execution, cancellationToken).ConfigureAwait(false);
        }

        // Answered at once, no job: a follow-up ("what about 2023") runs it again; "show me the chart" has no job of it.
        recentRequests.Remember(context.Message.Chat, LastRequest.Of(context.Match, strategies, null));
        return PortfolioSummary.Of(view);
    }
}
